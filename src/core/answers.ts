import { z } from 'zod';

/** Enum values of the answers, exactly as the answer table of the README ("The advisor without Slack") fixes them. */
export const WORKLOADS = ['training', 'inference'] as const;
export const FRAMEWORKS = ['pytorch', 'jax', 'tensorflow', 'other'] as const;
export const CLOUD_STRATEGIES = ['aws-only', 'multi-cloud', 'hybrid'] as const;
export const PRIORITIES = ['cost', 'balanced', 'performance'] as const;
export const INFERENCE_PROFILES = ['commodity', 'complex-reasoning'] as const;

export type Workload = (typeof WORKLOADS)[number];
export type Framework = (typeof FRAMEWORKS)[number];

/**
 * What the answers schema checks beyond each field's own type, as `params.check` of the custom
 * zod issue it raises, so messages are chosen by code rather than by reading zod's text.
 */
export const AnswerCheck = {
  /** A list answer names a value twice. */
  Duplicate: 'duplicate',
  /** A question that applies to this workload kind, and must be answered for it, was not. */
  RequiredForWorkload: 'required-for-workload',
  /** A question that does not apply to this workload kind was answered. */
  NotForWorkload: 'not-for-workload',
} as const;
export type AnswerCheck = (typeof AnswerCheck)[keyof typeof AnswerCheck];

const answersShape = z.strictObject({
  workloadName: z.string().trim().min(1).max(80).optional(),
  workload: z.enum(WORKLOADS),
  monthlySpendUsd: z.number().min(0),
  frameworks: z
    .array(z.enum(FRAMEWORKS))
    .min(1)
    .refine((list) => new Set(list).size === list.length, {
      params: { check: AnswerCheck.Duplicate },
    }),
  needsCustomCuda: z.boolean(),
  cloudStrategy: z.enum(CLOUD_STRATEGIES),
  acceptsAwsLockIn: z.boolean(),
  priority: z.enum(PRIORITIES),
  inferenceProfile: z.enum(INFERENCE_PROFILES).optional(),
  chipCount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  awsNeuronExperience: z.boolean().optional(),
});

export type Answers = z.infer<typeof answersShape>;
export type AnswerField = keyof Answers;

/**
 * Questions asked only for some workload kinds. An answer to one of them for another kind is
 * refused (it would be ignored, and echoing it back suggests it counted); a `required` one must be
 * answered when it applies. The question catalog reads its `appliesTo` and `required` from here.
 */
export const WORKLOAD_SPECIFIC: Readonly<
  Partial<
    Record<AnswerField, { readonly appliesTo: readonly Workload[]; readonly required: boolean }>
  >
> = {
  inferenceProfile: { appliesTo: ['inference'], required: true },
  chipCount: { appliesTo: ['training'], required: false },
};

/**
 * One workload described, as in the README's answer table. Unknown fields are rejected, strings
 * are never coerced to numbers (z.number() also refuses NaN and ±Infinity), and the
 * workload-specific questions are answered exactly when they apply.
 */
export const answersSchema = answersShape.superRefine(
  (value, ctx) => {
    const record = value as Record<string, unknown>;
    const workload = WORKLOADS.find((kind) => kind === record.workload);
    if (!workload) return;
    for (const [field, rule] of Object.entries(WORKLOAD_SPECIFIC)) {
      const applies = rule.appliesTo.includes(workload);
      const answered = record[field] !== undefined;
      if (applies === answered || (applies && !rule.required)) continue;
      ctx.addIssue({
        code: 'custom',
        path: [field],
        input: record[field],
        params: {
          check: applies ? AnswerCheck.RequiredForWorkload : AnswerCheck.NotForWorkload,
          workload,
          appliesTo: rule.appliesTo,
        },
      });
    }
  },
  // Run even when other fields are wrong, so every problem is reported in one pass.
  { when: (payload) => isRecord(payload.value) },
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema of each field on its own, for checking one answer as it is given. */
export const fieldSchemas = answersShape.shape;

/** Every answer field, in the order of the README's answer table. */
export const ANSWER_FIELDS = Object.keys(answersShape.shape) as AnswerField[];

/** Answer fields that rules may test (the free-text name is only a label). */
export const FACT_FIELDS = ANSWER_FIELDS.filter((field) => field !== 'workloadName');
