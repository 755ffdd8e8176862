import fc from 'fast-check';
import {
  type Answers,
  appliesTo,
  CLOUD_STRATEGIES,
  FRAMEWORKS,
  INFERENCE_PROFILES,
  PRIORITIES,
  QUESTIONS,
  WORKLOADS,
} from '../src/core/index.js';

/** Spends that cluster around the $10K line as well as spanning the whole range. */
const spend = fc.oneof(
  fc.constantFrom(0, 9_999, 10_000, 10_001),
  fc.integer({ min: 0, max: 20_000 }),
  fc.double({ min: 0, max: 5e7, noNaN: true, noDefaultInfinity: true }),
);

/** Any answers the contract accepts. */
export const validAnswers: fc.Arbitrary<Answers> = fc
  .record(
    {
      workloadName: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0),
      workload: fc.constantFrom(...WORKLOADS),
      monthlySpendUsd: spend,
      frameworks: fc.uniqueArray(fc.constantFrom(...FRAMEWORKS), { minLength: 1, maxLength: 4 }),
      needsCustomCuda: fc.boolean(),
      cloudStrategy: fc.constantFrom(...CLOUD_STRATEGIES),
      acceptsAwsLockIn: fc.boolean(),
      priority: fc.constantFrom(...PRIORITIES),
      inferenceProfile: fc.constantFrom(...INFERENCE_PROFILES),
      chipCount: fc.oneof(fc.constantFrom(1, 99, 100, 101), fc.integer({ min: 1, max: 100_000 })),
      awsNeuronExperience: fc.boolean(),
    },
    {
      requiredKeys: [
        'workload',
        'monthlySpendUsd',
        'frameworks',
        'needsCustomCuda',
        'cloudStrategy',
        'acceptsAwsLockIn',
        'priority',
      ],
    },
  )
  .map((answers) => {
    const result = { ...answers } as Record<string, unknown>;
    if (answers.workload === 'inference' && answers.inferenceProfile === undefined) {
      result.inferenceProfile = 'commodity';
    }
    // Questions for the other workload kind are left out, as the schema requires.
    for (const question of QUESTIONS) {
      if (!appliesTo(question, answers.workload)) delete result[question.field];
    }
    if (typeof result.workloadName === 'string') result.workloadName = result.workloadName.trim();
    return result as Answers;
  });
