import { z } from 'zod';
import { FACT_FIELDS } from '../answers.js';
import { type Question, questionFor } from '../questions.js';

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

const NUMERIC_OPERATORS: readonly Operator[] = [
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

const chipId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a chip id in kebab-case');
const source = z.string().min(1);
/** Other article headings that make the same point as the rule's own `source`. */
const seeAlso = z.array(source).min(1).optional();
const rationaleText = z.string().min(20).max(600);
const reason = z.string().min(3).max(80);
export const LEVELS = ['low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

const constraintParams = z.strictObject({
  text: rationaleText,
  reason,
  source,
  require: z.array(chipId).min(1),
  seeAlso,
});
const preferenceParams = z.strictObject({
  text: rationaleText,
  reason,
  source,
  points: z
    .record(
      chipId,
      z
        .number()
        .int()
        .min(-10)
        .max(10)
        .refine((n) => n !== 0, 'must not be 0'),
    )
    .refine((points) => Object.keys(points).length > 0, 'must give points to at least one chip'),
  seeAlso,
});
/** Operators a promised change may use: each names one value to move the answer to. */
export const CHANGE_OPERATORS: readonly Operator[] = ['equal', ...NUMERIC_OPERATORS];

/**
 * The change of one answer a next step or note promises ("when spend passes $10K"): the answer
 * after the change, written as a leaf condition on a question a person can change.
 */
const promisedChange = leafConditionSchema.superRefine((leaf, ctx) => {
  const question = questionFor(leaf.fact as never);
  const option = question.options?.find((candidate) => candidate.value === String(leaf.value));
  const [problem, at] = !CHANGE_OPERATORS.includes(leaf.operator)
    ? [`a promised change uses ${CHANGE_OPERATORS.join(', ')}, not ${leaf.operator}`, 'operator']
    : !question.whatIf
      ? [`${leaf.fact} describes the work, not a choice a person could change`, 'fact']
      : option?.whatIf === false
        ? [`${JSON.stringify(leaf.value)} is never suggested as a change of ${leaf.fact}`, 'value']
        : [];
  if (problem) ctx.addIssue({ code: 'custom', path: [at ?? 'operator'], message: problem });
});

/**
 * When a next step, assessment or cost note is true of the decision, beyond its answer
 * conditions: it is shown only if every condition given here holds.
 */
export const decisionConditionSchema = z
  .strictObject({
    /** One of these chips is the recommendation. */
    recommended: z.array(chipId).min(1).optional(),
    /** At least one of these chips can do this work (it is not ruled out by an answer about the work). */
    realOption: z.array(chipId).min(1).optional(),
    /** This change of one answer, on its own, makes one of `recommends` the recommendation. */
    changeLeadsTo: z
      .strictObject({ change: promisedChange, recommends: z.array(chipId).min(1) })
      .optional(),
  })
  .refine(
    (when) => Object.keys(when).length > 0,
    'give at least one of recommended, realOption, changeLeadsTo',
  );
export type DecisionCondition = z.infer<typeof decisionConditionSchema>;

const assessmentParams = z.strictObject({
  text: z.string().min(10).max(300),
  source,
  aspect: z.enum(['migration', 'risk']),
  level: z.enum(LEVELS),
  chips: z.array(chipId).min(1),
  when: decisionConditionSchema.optional(),
});
const nextStepParams = z.strictObject({
  text: z.string().min(10).max(300),
  source,
  when: decisionConditionSchema.optional(),
});

/** Placeholders a cost note may use, filled with the figures of the estimate. */
export const COST_PLACEHOLDERS = [
  'chip',
  'winner',
  'monthly',
  'annual',
  'spend',
  'claim',
  'blockers',
] as const;

/**
 * Where the chip a cost note quotes stands: the recommendation; allowed but outscored; or ruled
 * out by constraints a person could lift, lifting them alone making it the recommendation.
 */
export const COST_STANDINGS = ['recommended', 'outscored', 'ruled-out'] as const;

const costParams = z
  .strictObject({
    text: z.string().min(20).max(400),
    source,
    chips: z.array(chipId).min(1),
    standing: z.enum(COST_STANDINGS),
    when: decisionConditionSchema.optional(),
  })
  .superRefine((params, ctx) => {
    for (const [, name] of params.text.matchAll(/\{(\w*)\}/g)) {
      const known = (COST_PLACEHOLDERS as readonly string[]).includes(name ?? '');
      if (!known || (name === 'blockers' && params.standing !== 'ruled-out')) {
        ctx.addIssue({
          code: 'custom',
          path: ['text'],
          message: known
            ? '{blockers} is only known for a ruled-out chip'
            : `unknown placeholder {${name}} (known: ${COST_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`,
        });
      }
    }
  });

export const eventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('constraint'), params: constraintParams }),
  z.strictObject({ type: z.literal('preference'), params: preferenceParams }),
  z.strictObject({ type: z.literal('assessment'), params: assessmentParams }),
  z.strictObject({ type: z.literal('next-step'), params: nextStepParams }),
  z.strictObject({ type: z.literal('cost'), params: costParams }),
]);
export type RuleEvent = z.infer<typeof eventSchema>;
export type RuleEventType = RuleEvent['type'];

export const ruleSchema = z.strictObject({
  name: z
    .string()
    .max(60)
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'a rule id in kebab-case, e.g. "inference-spend-over-threshold"',
    ),
  priority: z.number().int().min(1).max(1000),
  conditions: conditionSchema.refine(
    (condition) => !('fact' in condition),
    'the top level must be "all", "any" or "not" (json-rules-engine needs a boolean root)',
  ),
  event: eventSchema,
});
export type RuleJson = z.infer<typeof ruleSchema>;

export const ruleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().min(1),
  rules: z.array(ruleSchema).min(1),
});

export const chipSchema = z.strictObject({
  id: chipId,
  vendor: z.enum(['aws', 'nvidia']),
  label: z.string().min(1).max(40),
  summary: z.string().min(10).max(300),
  source,
  migration: z.strictObject({ level: z.enum(LEVELS), reason: z.string().min(10).max(200) }),
  risk: z.strictObject({ level: z.enum(LEVELS), reason: z.string().min(10).max(200) }),
  cost: z
    .strictObject({
      reductionVsGpu: z.number().gt(0).lt(1),
      claim: z.string().min(10).max(200),
      source,
    })
    .optional(),
});
export type Chip = z.infer<typeof chipSchema>;

export const chipsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().min(1),
  chips: z.array(chipSchema).min(2).max(30),
});

export const articleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  title: z.string().min(1),
  author: z.string().min(1),
  date: z.string().min(1),
  sections: z
    .array(z.strictObject({ heading: z.string().min(1), summary: z.string().min(10).max(500) }))
    .min(1),
});
export type Article = z.infer<typeof articleFileSchema>;
