import { z } from 'zod';

/** Enum values of the answers, exactly as fixed by CONTRACT section 1. */
export const WORKLOADS = ['training', 'inference'] as const;
export const FRAMEWORKS = ['pytorch', 'jax', 'tensorflow', 'other'] as const;
export const CLOUD_STRATEGIES = ['aws-only', 'multi-cloud', 'hybrid'] as const;
export const PRIORITIES = ['cost', 'balanced', 'performance'] as const;
export const INFERENCE_PROFILES = ['commodity', 'complex-reasoning'] as const;

export type Workload = (typeof WORKLOADS)[number];
export type Framework = (typeof FRAMEWORKS)[number];

const answersShape = z.strictObject({
  workloadName: z.string().trim().min(1).max(80).optional(),
  workload: z.enum(WORKLOADS),
  monthlySpendUsd: z.number().min(0),
  frameworks: z
    .array(z.enum(FRAMEWORKS))
    .min(1)
    .refine((list) => new Set(list).size === list.length, { message: 'duplicate' }),
  needsCustomCuda: z.boolean(),
  cloudStrategy: z.enum(CLOUD_STRATEGIES),
  acceptsAwsLockIn: z.boolean(),
  priority: z.enum(PRIORITIES),
  inferenceProfile: z.enum(INFERENCE_PROFILES).optional(),
  chipCount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  awsNeuronExperience: z.boolean().optional(),
});

/**
 * One workload described, as in CONTRACT section 1. Unknown fields are rejected, strings are
 * never coerced to numbers (z.number() also refuses NaN and ±Infinity), and `inferenceProfile`
 * is required when the workload is inference.
 */
export const answersSchema = answersShape.refine(
  (value) => value.workload !== 'inference' || value.inferenceProfile !== undefined,
  {
    path: ['inferenceProfile'],
    message: 'required for inference',
    // Run even when other fields are wrong, so every problem is reported in one pass.
    when: (payload) => isRecord(payload.value) && payload.value.workload === 'inference',
  },
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type Answers = z.infer<typeof answersSchema>;
export type AnswerField = keyof Answers;

/** The schema of each field on its own, for checking one answer as it is given. */
export const fieldSchemas = answersShape.shape;

/** Every answer field, in the order of CONTRACT section 1. */
export const ANSWER_FIELDS = Object.keys(answersShape.shape) as AnswerField[];

/** Answer fields that rules may test (the free-text name is only a label). */
export const FACT_FIELDS = ANSWER_FIELDS.filter((field) => field !== 'workloadName');
