import type { Change } from '../advice.js';
import type { Answers } from '../answers.js';
import { ifPhrase, type Relation } from '../format.js';
import { appliesTo, QUESTIONS, type Question } from '../questions.js';
import { leavesOf } from '../ruleset/compile.js';
import type { Ruleset } from '../ruleset/ruleset.js';

/**
 * Where rules split a numeric fact at `at`: `x <= t` and `x > t` split after t ("inclusive"),
 * `x < t` and `x >= t` split before it.
 */
interface Cut {
  readonly at: number;
  readonly inclusive: boolean;
}

/** Whole dollars and whole chips: the smallest step across a cut. */
const STEP = 1;

function cutsFor(ruleset: Ruleset, question: Question): Cut[] {
  const cuts = new Map<string, Cut>();
  for (const leaf of ruleset.rules.flatMap((rule) => leavesOf(rule.conditions))) {
    if (leaf.fact !== question.field || typeof leaf.value !== 'number') continue;
    const inclusive = leaf.operator === 'lessThanInclusive' || leaf.operator === 'greaterThan';
    cuts.set(`${leaf.value}:${inclusive}`, { at: leaf.value, inclusive });
  }
  return [...cuts.values()].sort((a, b) => a.at - b.at);
}

/** For each cut, the nearest value on the other side of it, described in words. */
function numberChanges(
  ruleset: Ruleset,
  question: Question,
  current: number | undefined,
): Change[] {
  if (current === undefined) return [];
  return cutsFor(ruleset, question).flatMap(({ at, inclusive }): Change[] => {
    const low = inclusive ? current <= at : current < at;
    const [to, relation]: [number, Relation] = inclusive
      ? low
        ? [at + STEP, 'above']
        : [at, 'at-most']
      : low
        ? [at, 'at-least']
        : [at - STEP, 'below'];
    if (to < (question.min ?? 0)) return [];
    return [
      {
        field: question.field,
        from: current,
        to,
        phrase: ifPhrase(question.field, to, { relation, value: at }),
      },
    ];
  });
}

/**
 * Multi-select changes that matter to some rule: add or drop each value a rule looks for, or
 * keep only the values no rule objects to.
 */
function listChanges(ruleset: Ruleset, question: Question, current: readonly string[]): Change[] {
  const watched = new Set(
    ruleset.rules
      .flatMap((rule) => leavesOf(rule.conditions))
      .filter((leaf) => leaf.fact === question.field)
      .map((leaf) => String(leaf.value)),
  );
  const options = question.options?.map((option) => option.value) ?? [];
  const unwatched = current.filter((value) => !watched.has(value));
  const fallback = options.find((value) => !watched.has(value));
  const candidates: string[][] = [
    ...[...watched].map((value) =>
      current.includes(value) ? current.filter((item) => item !== value) : [...current, value],
    ),
    unwatched.length > 0 ? unwatched : fallback ? [fallback] : [],
  ];
  const seen = new Set([JSON.stringify([...current].sort())]);
  return candidates.flatMap((to): Change[] => {
    const key = JSON.stringify([...to].sort());
    if (to.length === 0 || seen.has(key)) return [];
    seen.add(key);
    const ordered = options.filter((value) => to.includes(value));
    return [
      {
        field: question.field,
        from: current,
        to: ordered,
        phrase: ifPhrase(question.field, ordered),
      },
    ];
  });
}

/**
 * Single-answer changes worth trying for "what would change the answer": every other option,
 * the other boolean, the nearest value across each rule threshold. Questions that do not
 * apply to this workload, and the workload kind itself, are left alone.
 */
export function whatIfCandidates(ruleset: Ruleset, answers: Answers): Change[] {
  return QUESTIONS.filter(
    (question) => question.whatIf && appliesTo(question, answers.workload),
  ).flatMap((question): Change[] => {
    const current = answers[question.field];
    switch (question.kind) {
      case 'number':
        return numberChanges(ruleset, question, current as number | undefined);
      case 'multi':
        return listChanges(ruleset, question, (current as string[] | undefined) ?? []);
      case 'boolean': {
        const values = current === undefined ? [true, false] : [!current];
        return values.map((to) => ({
          field: question.field,
          from: current,
          to,
          phrase: ifPhrase(question.field, to),
        }));
      }
      case 'single':
        return (question.options ?? [])
          .filter((option) => option.value !== current)
          .map((option) => ({
            field: question.field,
            from: current,
            to: option.value,
            phrase: ifPhrase(question.field, option.value),
          }));
      default:
        return []; // free text (the workload name) never changes the advice
    }
  });
}
