import { describe, expect, it } from 'vitest';
import {
  ANSWER_FIELDS,
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
});
