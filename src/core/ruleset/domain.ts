import type { AnswerField } from '../answers.js';
import { appliesTo, QUESTIONS, type Question, questionFor } from '../questions.js';
import { leavesOf } from './compile.js';
import type { Ruleset } from './ruleset.js';

/** Numbers that some rule compares a numeric fact with, ascending. */
export function thresholdsFor(ruleset: Ruleset, field: AnswerField): number[] {
  const values = ruleset.rules
    .flatMap((rule) => leavesOf(rule.conditions))
    .filter((leaf) => leaf.fact === field && typeof leaf.value === 'number')
    .map((leaf) => leaf.value as number);
  return [...new Set(values)].sort((a, b) => a - b);
}

function validNumber(question: Question, value: number): boolean {
  return value >= (question.min ?? 0) && (!question.integer || Number.isInteger(value));
}

function subsets<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) {
    result.push(items.filter((_, bit) => mask & (1 << bit)));
  }
  return result;
}

/**
 * Representative values of a fact: every option, every non-empty combination of a multi-select,
 * and for numbers the lowest value plus each rule threshold and its neighbours. Any two answers
 * that no rule can tell apart share a representative, so enumerating these covers every case.
 */
export function domainOf(ruleset: Ruleset, field: AnswerField): unknown[] {
  const question = questionFor(field);
  const optional = !question.required || question.appliesTo !== undefined ? [undefined] : [];
  const options = question.options?.map((option) => option.value) ?? [];
  switch (question.kind) {
    case 'boolean':
      return [true, false, ...optional];
    case 'single':
      return [...options, ...optional];
    case 'multi':
      return subsets(options);
    case 'number': {
      const cuts = thresholdsFor(ruleset, field).flatMap((t) => [t - 1, t, t + 1]);
      const values = [question.min ?? 0, ...cuts].filter((v) => validNumber(question, v));
      return [...new Set(values), ...optional];
    }
    case 'text':
      return [undefined];
  }
}

/**
 * Whether a partial combination of facts could come from valid answers: a required question that
 * applies is answered, and once the workload kind is known, no question for another kind is.
 */
export function isPlausible(facts: Readonly<Record<string, unknown>>): boolean {
  const workload = facts.workload as 'training' | 'inference' | undefined;
  const kindKnown = 'workload' in facts;
  return QUESTIONS.every((question) => {
    if (!(question.field in facts)) return true;
    const answered = facts[question.field] !== undefined;
    const applies = appliesTo(question, workload);
    if (kindKnown && answered && !applies) return false;
    return answered || !question.required || !applies;
  });
}

/** Every combination of representative values of the given facts (a cartesian product). */
export function* combinations(
  ruleset: Ruleset,
  fields: readonly AnswerField[],
): Generator<Record<string, unknown>> {
  const domains = fields.map((field) => domainOf(ruleset, field));
  const total = domains.reduce((n, domain) => n * domain.length, 1);
  for (let n = 0; n < total; n++) {
    const facts: Record<string, unknown> = {};
    let rest = n;
    fields.forEach((field, i) => {
      const domain = domains[i] ?? [];
      facts[field] = domain[rest % domain.length];
      rest = Math.floor(rest / domain.length);
    });
    if (isPlausible(facts)) yield facts;
  }
}

/** How many combinations {@link combinations} would walk through. */
export function combinationCount(ruleset: Ruleset, fields: readonly AnswerField[]): number {
  return fields.reduce((n, field) => n * domainOf(ruleset, field).length, 1);
}
