import { z } from 'zod';
import { FACT_FIELDS } from '../answers.js';
import { type Question, questionFor } from '../questions.js';
/** The conditions of a rule: json-rules-engine's shape, with values checked against the catalog. */

/** json-rules-engine's built-in operators that rules may use. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const NUMERIC_OPERATORS: readonly Operator[] = [
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
];

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const leafConditionSchema = z
  .strictObject({
    fact: z.enum(FACT_FIELDS as [string, ...string[]]),
    operator: z.enum(OPERATORS),
    value: z.union([scalar, z.array(scalar).min(1)]),
    /** json-rules-engine evaluates higher-priority conditions first and may skip the rest. */
    priority: z.number().int().min(1).max(100).optional(),
  })
  .superRefine((leaf, ctx) => {
    const problem = checkLeaf(questionFor(leaf.fact as never), leaf.operator, leaf.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

export type LeafCondition = z.infer<typeof leafConditionSchema>;
export type Condition =
  | LeafCondition
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const booleanConditionSchemas = {
  all: z.lazy(() => z.strictObject({ all: z.array(conditionSchema).min(1) })),
  any: z.lazy(() => z.strictObject({ any: z.array(conditionSchema).min(1) })),
  not: z.lazy(() => z.strictObject({ not: conditionSchema })),
};

/**
 * A condition is told apart by its keys (`all`, `any`, `not`, else a leaf), so a mistake deep
 * inside a nested condition is reported at its own path rather than as "no union member matched".
 */
export const conditionSchema: z.ZodType<Condition> = z.unknown().transform((value, ctx) => {
  const key =
    typeof value === 'object' && value !== null
      ? (['all', 'any', 'not'] as const).find((candidate) => candidate in value)
      : undefined;
  const result = (key ? booleanConditionSchemas[key] : leafConditionSchema).safeParse(value);
  if (result.success) return result.data as Condition;
  ctx.issues.push(...(result.error.issues as typeof ctx.issues));
  return z.NEVER;
}) as unknown as z.ZodType<Condition>;

/** The value a condition may compare the fact with, checked against the question catalog. */
function checkLeaf(question: Question, operator: Operator, value: unknown): string | undefined {
  const allowed = question.options?.map((option) => option.value);
  const valid = (item: unknown): boolean => {
    if (question.kind === 'number') return typeof item === 'number' && Number.isFinite(item);
    if (question.kind === 'boolean') return typeof item === 'boolean';
    return typeof item === 'string' && (allowed === undefined || allowed.includes(item));
  };
  const expected =
    question.kind === 'number'
      ? 'a number'
      : question.kind === 'boolean'
        ? 'true or false'
        : `one of ${allowed?.map((item) => JSON.stringify(item)).join(', ')}`;

  if (NUMERIC_OPERATORS.includes(operator)) {
    if (question.kind !== 'number')
      return `${operator} compares numbers, but ${question.field} is not a number`;
    return valid(value) ? undefined : `${operator} needs a number, got ${JSON.stringify(value)}`;
  }
  if (operator === 'contains' || operator === 'doesNotContain') {
    if (question.kind !== 'multi')
      return `${operator} needs a list fact, but ${question.field} is not a list`;
    return valid(value) ? undefined : `must be ${expected}, got ${JSON.stringify(value)}`;
  }
  if (question.kind === 'multi') {
    return `${question.field} is a list: use contains or doesNotContain, not ${operator}`;
  }
  if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value))
      return `${operator} needs a list of values, got ${JSON.stringify(value)}`;
    const bad = value.find((item) => !valid(item));
    return bad === undefined
      ? undefined
      : `each value must be ${expected}, got ${JSON.stringify(bad)}`;
  }
  return valid(value) ? undefined : `must be ${expected}, got ${JSON.stringify(value)}`;
}
