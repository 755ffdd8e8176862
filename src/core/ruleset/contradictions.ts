import type { AnswerField, Workload } from '../answers.js';
import { RulesetContradictionError } from '../errors.js';
import { appliesTo, questionFor } from '../questions.js';
import { combinationCount, combinations } from './domain.js';
import { type LoadedRule, type Ruleset, requiredChips } from './ruleset.js';

/** Above this many combinations for one priority level, constraints are checked in pairs. */
const MAX_JOINT_COMBINATIONS = 200_000;

export interface Contradiction {
  readonly rules: readonly LoadedRule[];
  readonly example: Readonly<Record<string, unknown>>;
}

/**
 * Finds constraints of the same priority that can fire together while no chip satisfies all of
 * them. Different priorities never contradict: the higher one wins (see rules/README.md).
 */
export function findContradictions(ruleset: Ruleset): Contradiction[] {
  const byPriority = new Map<number, LoadedRule[]>();
  for (const rule of ruleset.rules) {
    if (rule.event.type !== 'constraint') continue;
    byPriority.set(rule.priority, [...(byPriority.get(rule.priority) ?? []), rule]);
  }
  const found: Contradiction[] = [];
  for (const level of byPriority.values()) {
    const groups = jointFields(level).length <= 1 ? [level] : groupsToCheck(ruleset, level);
    for (const group of groups) {
      const contradiction = firstContradiction(ruleset, group);
      if (contradiction) found.push(contradiction);
    }
  }
  return found;
}

function jointFields(rules: readonly LoadedRule[]): AnswerField[] {
  return [...new Set(rules.flatMap((rule) => [...rule.facts]))] as AnswerField[];
}

function groupsToCheck(ruleset: Ruleset, level: LoadedRule[]): LoadedRule[][] {
  if (combinationCount(ruleset, jointFields(level)) <= MAX_JOINT_COMBINATIONS) return [level];
  return level.flatMap((a, i) => level.slice(i + 1).map((b) => [a, b]));
}

function firstContradiction(ruleset: Ruleset, group: LoadedRule[]): Contradiction | undefined {
  for (const facts of combinations(ruleset, jointFields(group))) {
    const fired = group.filter((rule) => rule.test(facts));
    if (fired.length < 2) continue;
    const left = fired.reduce<readonly string[]>(
      (chips, rule) => chips.filter((chip) => requiredChips(rule).includes(chip)),
      requiredChips(fired[0] as LoadedRule),
    );
    if (left.length === 0) return { rules: fired, example: facts };
  }
  return undefined;
}

/** Throws {@link RulesetContradictionError} describing the first contradiction found. */
export function assertNoContradictions(ruleset: Ruleset): void {
  const [first] = findContradictions(ruleset);
  if (!first) return;
  const names = first.rules.map(
    (rule) =>
      `${rule.file} rules[${rule.index}] ("${rule.name}", requires ${requiredChips(rule).join(' or ')})`,
  );
  const workload = first.example.workload as Workload | undefined;
  const example = Object.entries(first.example)
    .filter(
      ([field, value]) =>
        value !== undefined && appliesTo(questionFor(field as AnswerField), workload),
    )
    .map(([field, value]) => `${field}=${JSON.stringify(value)}`)
    .join(', ');
  throw new RulesetContradictionError(
    `contradictory constraints at priority ${first.rules[0]?.priority}: ${names.join(' and ')} can fire together (for example ${example}) and leave no chip to recommend. Give one of them a different priority, or narrow its conditions.`,
  );
}
