import { z } from 'zod';
import { questionFor } from '../questions.js';
import { leafConditionSchema, NUMERIC_OPERATORS, type Operator } from './condition-schema.js';

/**
 * What a rule's event may say and do (rules/README.md, "A rule" and "Explanations that must be
 * true"): constraints, preferences, and the explanations shown with the advice.
 */

export const chipId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a chip id in kebab-case');
/** An article heading (checked against article.json when the ruleset is built). */
export const source = z.string().min(1);
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
