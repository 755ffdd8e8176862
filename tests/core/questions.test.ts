import { describe, expect, it } from 'vitest';
import {
  ANSWER_FIELDS,
  answersSchema,
  appliesTo,
  CLOUD_STRATEGIES,
  FRAMEWORKS,
  INFERENCE_PROFILES,
  PRIORITIES,
  QUESTIONS,
  questionFor,
  WORKLOADS,
} from '../../src/core/index.js';

describe('the question catalog', () => {
  it('asks exactly one question per answer field', () => {
    expect(QUESTIONS.map((q) => q.field).sort()).toEqual([...ANSWER_FIELDS].sort());
  });

  it.each([
    ['workload', WORKLOADS],
    ['inferenceProfile', INFERENCE_PROFILES],
    ['frameworks', FRAMEWORKS],
    ['cloudStrategy', CLOUD_STRATEGIES],
    ['priority', PRIORITIES],
    ['needsCustomCuda', ['true', 'false']],
    ['acceptsAwsLockIn', ['true', 'false']],
    ['awsNeuronExperience', ['true', 'false']],
  ] as const)('%s offers exactly the values the contract defines', (field, values) => {
    expect(questionFor(field).options?.map((option) => option.value)).toEqual([...values]);
  });

  it('keeps every text inside Slack limits (labels, hints, options, placeholders)', () => {
    for (const q of QUESTIONS) {
      expect(q.label.length, q.field).toBeLessThanOrEqual(2000);
      expect(q.help.length, q.field).toBeLessThanOrEqual(2000);
      expect(q.placeholder?.length ?? 0, q.field).toBeLessThanOrEqual(150);
      for (const option of q.options ?? [])
        expect(option.label.length, option.value).toBeLessThanOrEqual(75);
    }
  });

  it('shows the inference profile only for inference and the chip count only for training', () => {
    expect(appliesTo(questionFor('inferenceProfile'), 'inference')).toBe(true);
    expect(appliesTo(questionFor('inferenceProfile'), 'training')).toBe(false);
    expect(appliesTo(questionFor('inferenceProfile'), undefined)).toBe(false);
    expect(appliesTo(questionFor('chipCount'), 'training')).toBe(true);
    expect(appliesTo(questionFor('chipCount'), 'inference')).toBe(false);
    expect(appliesTo(questionFor('monthlySpendUsd'), undefined)).toBe(true);
  });

  it.each(QUESTIONS.map((q) => [q.field, q] as const))(
    '%s states the limits the answers schema enforces, no other',
    (field, question) => {
      const accepts = (value: unknown) => {
        const result = answersSchema.safeParse({ [field]: value });
        return !result.error?.issues.some((issue) => issue.path[0] === field);
      };
      if (question.kind === 'number') {
        const min = question.min ?? Number.NaN;
        expect(accepts(min)).toBe(true);
        expect(accepts(min - (question.integer ? 1 : 0.01))).toBe(false);
        expect(accepts(min + 0.5)).toBe(!question.integer);
        expect(question.expects).toContain(`${min} or more`);
      }
      if (question.kind === 'text') {
        const max = question.maxLength ?? Number.NaN;
        expect(accepts('x'.repeat(max))).toBe(true);
        expect(accepts('x'.repeat(max + 1))).toBe(false);
        expect(question.expects).toContain(`${max} characters`);
      }
      // Required: leaving it out is an issue for a workload it applies to.
      const workload = question.appliesTo?.[0] ?? 'training';
      const result = answersSchema.safeParse(field === 'workload' ? {} : { workload });
      const missing = result.error?.issues.some((issue) => issue.path[0] === field) ?? false;
      expect(missing, 'required').toBe(question.required);
    },
  );
});
