import type { Condition, LeafCondition, Operator } from './schema.js';

/** The facts a rule sees: the answers, keyed by field name. */
export type Facts = Readonly<Record<string, unknown>>;
export type Predicate = (facts: Facts) => boolean;

const isNumberLike = (value: unknown): boolean =>
  Number.parseFloat(value as string).toString() !== 'NaN';

/**
 * json-rules-engine's default operators, restated as plain synchronous functions with the same
 * fact-value validators (engine-default-operators.js). The engine decides every recommendation;
 * these let "what would change the answer" try hundreds of variations without an async engine
 * run each. tests/core/properties.test.ts proves both fire the same rules on generated answers.
 */
const OPERATOR_FUNCTIONS: Record<Operator, (factValue: unknown, value: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumberLike(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumberLike(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumberLike(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumberLike(a) && (a as number) >= (b as number),
};

export function isLeaf(condition: Condition): condition is LeafCondition {
  return 'fact' in condition;
}

/** Evaluates one leaf condition against the facts. */
export function testLeaf(leaf: LeafCondition, facts: Facts): boolean {
  return OPERATOR_FUNCTIONS[leaf.operator](facts[leaf.fact], leaf.value);
}

/** Compiles a condition tree into a predicate. */
export function compileCondition(condition: Condition): Predicate {
  if (isLeaf(condition)) {
    const operate = OPERATOR_FUNCTIONS[condition.operator];
    const { fact, value } = condition;
    return (facts) => operate(facts[fact], value);
  }
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (facts) => parts.every((part) => part(facts));
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return (facts) => parts.some((part) => part(facts));
  }
  const inner = compileCondition(condition.not);
  return (facts) => !inner(facts);
}

/** Every leaf condition of a tree, depth first. */
export function leavesOf(condition: Condition): LeafCondition[] {
  if (isLeaf(condition)) return [condition];
  if ('all' in condition) return condition.all.flatMap(leavesOf);
  if ('any' in condition) return condition.any.flatMap(leavesOf);
  return leavesOf(condition.not);
}
