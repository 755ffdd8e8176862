import type { Change, Counterfactual } from '../advice.js';
import { type Decision, winnerOf } from '../evaluate/decide.js';
import type { WhatIf } from '../evaluate/what-if.js';
import { describeValue, joinWords } from '../format.js';
import { requiredChips } from '../ruleset/ruleset.js';
import type { Chip } from '../ruleset/schema.js';

export interface SearchOptions {
  /** Most answers changed at once. */
  readonly maxChanges?: number;
}

/**
 * Every smallest set of answer changes that would make another chip the recommendation: each
 * single change that does it on its own is listed (none is cut to keep the list short), and
 * chips that need more get their smallest combinations.
 *
 * Rather than trying every combination of changes, it works backwards from each rival chip that
 * is a real option: the constraints ruling it out must each be switched off by some change (a
 * hitting set), and if that is not enough, one more change must tip the points.
 */
export function findCounterfactuals(
  decision: Decision,
  whatIf: WhatIf,
  { maxChanges = 3 }: SearchOptions = {},
): Counterfactual[] {
  const current = winnerOf(decision);
  const found: { rank: number; chip: Chip; changes: readonly Change[] }[] = [];
  decision.ranking.forEach((standing, rank) => {
    if (rank === 0 || !whatIf.isRealOption(standing)) return;
    const target = standing.chip.id;
    const blockers = decision.applied.filter((rule) => !requiredChips(rule).includes(target));
    const fixes = blockers.map((rule) =>
      whatIf.changes.filter((change) => !rule.test({ ...whatIf.facts, [change.field]: change.to })),
    );
    const leadsThere = (set: readonly Change[]) => whatIf.recommendedWith(set) === target;
    const bases = hittingSets(fixes, maxChanges);
    let results = bases.filter((set) => set.length > 0 && leadsThere(set));
    if (results.length === 0) {
      results = bases.flatMap((set) =>
        set.length >= maxChanges
          ? []
          : whatIf.changes
              .filter((extra) => !set.some((change) => change.field === extra.field))
              .map((extra) => [...set, extra])
              .filter(leadsThere),
      );
    }
    const smallest = Math.min(...results.map((set) => set.length));
    for (const changes of nearest(unique(results.filter((set) => set.length === smallest)))) {
      found.push({ rank, chip: standing.chip, changes });
    }
  });
  // Single changes first, then by how close the chip ranks, then in question order.
  found.sort((a, b) => a.changes.length - b.changes.length || a.rank - b.rank);
  return found.map(({ chip, changes }) => {
    const phrases = changes.map(
      (change) =>
        `${change.phrase} (${change.from === undefined ? 'not answered' : `you answered ${describeValue(change.field, change.from)}`})`,
    );
    return {
      chip: chip.id,
      vendor: chip.vendor,
      label: chip.label,
      changes,
      text: `If ${joinWords(phrases)}, ${chip.label} would be recommended instead of ${current.chip.label}.`,
    };
  });
}

const keyOf = (set: readonly Change[]): string =>
  set
    .map((change) => `${change.field}=${JSON.stringify(change.to)}`)
    .sort()
    .join('&');

/** The sets once each, whatever order their changes were found in. */
function unique(sets: readonly (readonly Change[])[]): (readonly Change[])[] {
  return [...new Map(sets.map((set) => [keyOf(set), set])).values()];
}

/**
 * Of single changes to the same number, only the nearest: "if spend were at most $10,000" says
 * all that "at most $0" would.
 */
function nearest(sets: readonly (readonly Change[])[]): (readonly Change[])[] {
  const distance = (change: Change) =>
    typeof change.to === 'number' && typeof change.from === 'number'
      ? Math.abs(change.to - change.from)
      : undefined;
  return sets.filter((set) => {
    const [only] = set;
    const away = only && set.length === 1 ? distance(only) : undefined;
    if (away === undefined) return true;
    return !sets.some((other) => {
      const [rival] = other;
      const closer = rival && other.length === 1 ? distance(rival) : undefined;
      return other !== set && rival?.field === only?.field && closer !== undefined && closer < away;
    });
  });
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
  const distinct = unique(sets).sort((a, b) => a.length - b.length) as Change[][];
  return distinct.filter(
    (set, i) =>
      !distinct
        .slice(0, i)
        .some(
          (smaller) =>
            smaller.length < set.length && smaller.every((change) => set.includes(change)),
        ),
  );
}
