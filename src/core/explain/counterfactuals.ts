import type { Change, Counterfactual } from '../advice.js';
import type { Answers } from '../answers.js';
import { isApplicable } from '../evaluate/applicable.js';
import { type Decision, decide, winnerOf } from '../evaluate/decide.js';
import { factsOf } from '../evaluate/run-engine.js';
import { describeValue, joinWords } from '../format.js';
import type { Facts } from '../ruleset/compile.js';
import { type LoadedRule, type Ruleset, requiredChips } from '../ruleset/ruleset.js';
import { whatIfCandidates } from './what-if-candidates.js';

export interface SearchOptions {
  /** Most counterfactuals returned. */
  readonly limit?: number;
  /** Most answers changed at once. */
  readonly maxChanges?: number;
}

/**
 * The smallest sets of answer changes that would make another chip the recommendation.
 *
 * Rather than trying every combination of changes, it works backwards from each rival chip:
 * the constraints ruling it out must each be switched off by some change (a hitting set), and
 * if that is not enough, one more change must tip the points. Only rules that read a changed
 * answer are re-tested, so a search costs a few dozen cheap decisions, not engine runs.
 */
export function findCounterfactuals(
  ruleset: Ruleset,
  answers: Answers,
  fired: readonly LoadedRule[],
  decision: Decision,
  { limit = 6, maxChanges = 3 }: SearchOptions = {},
): Counterfactual[] {
  const baseFacts = factsOf(answers);
  const singles = whatIfCandidates(ruleset, answers);
  const current = winnerOf(decision).chip;
  const decisive = fired.filter(
    (rule) => rule.event.type !== 'assessment' && rule.event.type !== 'next-step',
  );
  const firedSet = new Set(decisive);
  const decisionRules = ruleset.rules.filter(
    (rule) => rule.event.type === 'constraint' || rule.event.type === 'preference',
  );

  const winnerWith = (changes: readonly Change[]): string => {
    const facts: Record<string, unknown> = { ...baseFacts };
    const changed = new Set<string>();
    for (const change of changes) {
      facts[change.field] = change.to;
      changed.add(change.field);
    }
    const now = decisionRules.filter((rule) =>
      [...rule.facts].some((fact) => changed.has(fact)) ? rule.test(facts) : firedSet.has(rule),
    );
    return winnerOf(decide(ruleset, now)).chip.id;
  };

  const found: { target: number; changes: Change[] }[] = [];
  decision.ranking.forEach((standing, rank) => {
    if (rank === 0) return;
    const target = standing.chip.id;
    if (!isApplicable(standing, answers)) return;
    const blockers = decision.applied.filter((rule) => !requiredChips(rule).includes(target));
    const fixes = blockers.map((rule) =>
      singles.filter((change) => !rule.test(withChange(baseFacts, change))),
    );
    if (fixes.some((options) => options.length === 0)) return;
    const bases = hittingSets(fixes, maxChanges);
    let results = bases.filter((set) => set.length > 0 && winnerWith(set) === target);
    if (results.length === 0) {
      results = bases.flatMap((set) =>
        set.length >= maxChanges
          ? []
          : singles
              .filter((extra) => !set.some((change) => change.field === extra.field))
              .map((extra) => [...set, extra])
              .filter((candidate) => winnerWith(candidate) === target),
      );
    }
    const smallest = Math.min(...results.map((set) => set.length));
    const seen = new Set<string>();
    for (const changes of results.filter((set) => set.length === smallest)) {
      const key = changes
        .map((change) => change.field)
        .sort()
        .join('+');
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ target: rank, changes });
    }
  });

  return pickDiverse(found, limit).map(({ target, changes }) => {
    const chip = (decision.ranking[target] as (typeof decision.ranking)[number]).chip;
    const phrases = changes.map(
      (change) =>
        `${change.phrase} (${change.from === undefined ? 'not answered' : `you answered ${describeValue(change.field, change.from)}`})`,
    );
    return {
      chip: chip.id,
      vendor: chip.vendor,
      label: chip.label,
      changes,
      text: `If ${joinWords(phrases)}, ${chip.label} would be recommended instead of ${current.label}.`,
    };
  });
}

function withChange(facts: Facts, change: Change): Facts {
  return { ...facts, [change.field]: change.to };
}

/** Minimal sets with one change from each list, never two values for the same answer. */
function hittingSets(lists: readonly (readonly Change[])[], maxChanges: number): Change[][] {
  let sets: Change[][] = [[]];
  for (const options of lists) {
    const next: Change[][] = [];
    for (const set of sets) {
      if (options.some((option) => set.includes(option))) {
        next.push(set);
        continue;
      }
      for (const option of options) {
        if (set.some((change) => change.field === option.field) || set.length >= maxChanges)
          continue;
        next.push([...set, option]);
      }
    }
    sets = next;
  }
  const keyed = new Map(
    sets.map((set) => [
      set
        .map((change) => `${change.field}=${JSON.stringify(change.to)}`)
        .sort()
        .join('&'),
      set,
    ]),
  );
  const unique = [...keyed.values()].sort((a, b) => a.length - b.length);
  return unique.filter(
    (set, i) =>
      !unique
        .slice(0, i)
        .some(
          (smaller) =>
            smaller.length < set.length && smaller.every((change) => set.includes(change)),
        ),
  );
}

/** Smallest first; one per rival chip before a second for any, then by question order. */
function pickDiverse<T extends { target: number; changes: Change[] }>(
  found: T[],
  limit: number,
): T[] {
  const ordered = [...found].sort(
    (a, b) => a.changes.length - b.changes.length || a.target - b.target,
  );
  const firsts = ordered.filter(
    (item, i) => ordered.findIndex((other) => other.target === item.target) === i,
  );
  const rest = ordered.filter((item) => !firsts.includes(item));
  return [...firsts, ...rest].slice(0, limit);
}
