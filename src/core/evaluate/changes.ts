import type { Change } from '../advice.js';
import type { AnswerField, Answers } from '../answers.js';
import { ifPhrase, type Relation } from '../format.js';
import { appliesTo, QUESTIONS, type Question, questionFor } from '../questions.js';
import { leavesOf, testLeaf } from '../ruleset/compile.js';
import { decisionRules, type Ruleset } from '../ruleset/ruleset.js';
import type { LeafCondition, Operator } from '../ruleset/schema.js';

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

const leavesCache = new WeakMap<Ruleset, readonly LeafCondition[]>();

/** The conditions of the rules that decide: only their thresholds and values can change it. */
function decisionLeaves(ruleset: Ruleset): readonly LeafCondition[] {
  let leaves = leavesCache.get(ruleset);
  if (!leaves) {
    leaves = decisionRules(ruleset).flatMap((rule) => leavesOf(rule.conditions));
    leavesCache.set(ruleset, leaves);
  }
  return leaves;
}

function cutsFor(ruleset: Ruleset, question: Question): Cut[] {
  const cuts = new Map<string, Cut>();
  for (const leaf of decisionLeaves(ruleset)) {
    if (leaf.fact !== question.field || typeof leaf.value !== 'number') continue;
    const inclusive = leaf.operator === 'lessThanInclusive' || leaf.operator === 'greaterThan';
    cuts.set(`${leaf.value}:${inclusive}`, { at: leaf.value, inclusive });
  }
  return [...cuts.values()].sort((a, b) => a.at - b.at);
}

/**
 * For each cut, the nearest value on the other side of it, described in words. An unanswered
 * number is on neither side (it fails every comparison), so both sides are tried.
 */
function numberChanges(
  ruleset: Ruleset,
  question: Question,
  current: number | undefined,
): Change[] {
  return cutsFor(ruleset, question).flatMap(({ at, inclusive }): Change[] => {
    const above: [number, Relation] = inclusive ? [at + STEP, 'above'] : [at, 'at-least'];
    const below: [number, Relation] = inclusive ? [at, 'at-most'] : [at - STEP, 'below'];
    const sides =
      current === undefined
        ? [above, below]
        : (inclusive ? current <= at : current < at)
          ? [above]
          : [below];
    return sides
      .filter(([to]) => to >= (question.min ?? 0))
      .map(([to, relation]) => ({
        field: question.field,
        from: current,
        to,
        phrase: ifPhrase(question.field, to, { relation, value: at }),
      }));
  });
}

/** Whether "what would change the answer" may move the answer to (or add) this value. */
function offered(question: Question, value: string): boolean {
  return question.options?.find((option) => option.value === value)?.whatIf !== false;
}

/**
 * Multi-select changes that matter to some rule: drop a value a rule looks for (port that code),
 * drop all of them, or add one that may be added. A list left empty takes the first option no rule
 * looks for instead ("the code base used only PyTorch").
 */
function listChanges(ruleset: Ruleset, question: Question, current: readonly string[]): Change[] {
  const watched = new Set(
    decisionLeaves(ruleset)
      .filter((leaf) => leaf.fact === question.field)
      .map((leaf) => String(leaf.value)),
  );
  const options = question.options?.map((option) => option.value) ?? [];
  const present = current.filter((value) => watched.has(value));
  const fallback = options.find((value) => !watched.has(value) && offered(question, value));
  const without = (drop: readonly string[]) => {
    const left = current.filter((value) => !drop.includes(value));
    return left.length > 0 || !fallback ? left : [fallback];
  };
  const candidates: string[][] = [
    ...present.map((value) => without([value])),
    without(present),
    ...[...watched]
      .filter((value) => !current.includes(value) && offered(question, value))
      .map((value) => [...current, value]),
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
 * Single-answer changes a person could make, for "what would change the answer": every other
 * option that may be suggested, the other boolean, the nearest value across each rule threshold,
 * ported code. Answers that describe the work itself (see `Question.whatIf`), and questions that
 * do not apply to this workload, are left alone.
 */
export function whatIfCandidates(ruleset: Ruleset, answers: Answers): Change[] {
  return QUESTIONS.filter(
    (question) => question.whatIf && appliesTo(question, answers.workload),
  ).flatMap((question): Change[] => {
    const current = answers[question.field];
    const change = (to: unknown): Change => ({
      field: question.field,
      from: current,
      to,
      phrase: ifPhrase(question.field, to),
    });
    switch (question.kind) {
      case 'number':
        return numberChanges(ruleset, question, current as number | undefined);
      case 'multi':
        return listChanges(ruleset, question, (current as string[] | undefined) ?? []);
      case 'boolean':
        return (current === undefined ? [true, false] : [!current])
          .filter((to) => offered(question, String(to)))
          .map(change);
      case 'single':
        return (question.options ?? [])
          .filter((option) => option.value !== current && option.whatIf !== false)
          .map((option) => change(option.value));
      default:
        return []; // free text (the workload name) never changes the advice
    }
  });
}

/**
 * The nearest answer for which the leaf holds, as a change ("monthly spend above $10,000" →
 * 10,001), or undefined when it already holds, cannot hold for a valid answer, or its question
 * does not apply to this workload.
 */
export function changeTo(leaf: LeafCondition, answers: Answers): Change | undefined {
  const question = questionFor(leaf.fact as AnswerField);
  const current = answers[question.field];
  if (!appliesTo(question, answers.workload) || testLeaf(leaf, answers)) return undefined;
  const at = leaf.value as number;
  const to =
    leaf.operator === 'greaterThan'
      ? at + STEP
      : leaf.operator === 'lessThan'
        ? at - STEP
        : leaf.value;
  if (typeof to === 'number' && to < (question.min ?? 0)) return undefined;
  const relation = RELATION_OF[leaf.operator];
  return {
    field: question.field,
    from: current,
    to,
    phrase: ifPhrase(question.field, to, relation ? { relation, value: at } : undefined),
  };
}

const RELATION_OF: Partial<Record<Operator, Relation>> = {
  greaterThan: 'above',
  greaterThanInclusive: 'at-least',
  lessThan: 'below',
  lessThanInclusive: 'at-most',
};
