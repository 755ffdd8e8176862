import { describe, expect, it } from 'vitest';
import { checkField, parseAnswers } from '../../src/core/index.js';
import { AWS_FRIENDLY_INFERENCE, AWS_FRIENDLY_TRAINING } from '../support/advisor.js';

const messagesFor = (input: unknown) => {
  const result = parseAnswers(input);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
};

describe('valid answers', () => {
  it.each([
    ['training with only the required fields', AWS_FRIENDLY_TRAINING],
    ['inference with its profile', AWS_FRIENDLY_INFERENCE],
    [
      'every optional field',
      {
        ...AWS_FRIENDLY_TRAINING,
        workloadName: 'Search ranking',
        chipCount: 128,
        awsNeuronExperience: false,
      },
    ],
    ['zero spend', { ...AWS_FRIENDLY_TRAINING, monthlySpendUsd: 0 }],
    ['fractional dollars', { ...AWS_FRIENDLY_TRAINING, monthlySpendUsd: 10_000.5 }],
  ])('accepts %s', (_name, input) => {
    expect(parseAnswers(input).ok).toBe(true);
  });
});

describe('invalid answers', () => {
  it.each([
    [
      'a string number',
      { monthlySpendUsd: '50000' },
      'monthlySpendUsd: must be a number of dollars, 0 or more, written as a JSON number without quotes (got the string "50000")',
    ],
    [
      'a number with letters',
      { monthlySpendUsd: '10abc' },
      'monthlySpendUsd: must be a number of dollars, 0 or more, written as a JSON number without quotes (got the string "10abc")',
    ],
    [
      'a negative spend',
      { monthlySpendUsd: -1 },
      'monthlySpendUsd: must be a number of dollars, 0 or more (got the number -1)',
    ],
    [
      'an unknown workload',
      { workload: 'fine-tuning' },
      'workload: must be one of "training" or "inference" (got the string "fine-tuning")',
    ],
    [
      'an empty frameworks list',
      { frameworks: [] },
      'frameworks: must be a list of one or more of "pytorch", "jax", "tensorflow", "other", each once (got an empty list)',
    ],
    [
      'an unknown framework',
      { frameworks: ['pytorch', 'mxnet'] },
      'frameworks[1]: must be one of "pytorch", "jax", "tensorflow", "other" (got the string "mxnet")',
    ],
    [
      'a repeated framework',
      { frameworks: ['jax', 'jax'] },
      'frameworks: must list each framework once (a list of one or more of "pytorch", "jax", "tensorflow", "other", each once)',
    ],
    [
      'a string boolean',
      { needsCustomCuda: 'false' },
      'needsCustomCuda: must be true or false (got the string "false")',
    ],
    [
      'a fractional chip count',
      { chipCount: 2.5 },
      'chipCount: must be a whole number, 1 or more (got the number 2.5)',
    ],
    [
      'zero chips',
      { chipCount: 0 },
      'chipCount: must be a whole number, 1 or more (got the number 0)',
    ],
    [
      'an empty workload name',
      { workloadName: '  ' },
      'workloadName: must be a name of 1 to 80 characters (got the string "")',
    ],
    [
      'an unknown field',
      { gpuModel: 'H100' },
      'gpuModel: is not a question of this questionnaire (known fields: workloadName, workload, monthlySpendUsd, frameworks, needsCustomCuda, cloudStrategy, acceptsAwsLockIn, priority, inferenceProfile, chipCount, awsNeuronExperience)',
    ],
    [
      'a missing required field',
      { priority: undefined },
      'priority: is required: one of "cost", "balanced" or "performance"',
    ],
  ])('rejects %s, naming the field', (_name, change, message) => {
    expect(messagesFor({ ...AWS_FRIENDLY_TRAINING, ...change })).toEqual([message]);
  });

  it('requires inferenceProfile for inference, and says so with the other problems', () => {
    const { inferenceProfile: _dropped, ...rest } = AWS_FRIENDLY_INFERENCE;
    expect(messagesFor({ ...rest, monthlySpendUsd: 'lots' })).toEqual([
      'monthlySpendUsd: must be a number of dollars, 0 or more, written as a JSON number without quotes (got the string "lots")',
      'inferenceProfile: is required for inference workloads: one of "commodity" or "complex-reasoning"',
    ]);
  });

  it.each([
    [
      'an inference profile for training',
      { ...AWS_FRIENDLY_TRAINING, inferenceProfile: 'complex-reasoning' },
      'inferenceProfile: does not apply to training workloads (it is asked only for inference), so leave it out (got the string "complex-reasoning")',
    ],
    [
      'a chip count for inference',
      { ...AWS_FRIENDLY_INFERENCE, chipCount: 64 },
      'chipCount: does not apply to inference workloads (it is asked only for training), so leave it out (got the number 64)',
    ],
  ])(
    'rejects %s, as it rejects unknown fields: naming the field and why',
    (_name, input, message) => {
      expect(messagesFor(input)).toEqual([message]);
    },
  );

  it('reports a question for the other workload kind alongside the other problems', () => {
    expect(
      messagesFor({ ...AWS_FRIENDLY_TRAINING, inferenceProfile: 'commodity', priority: 'speed' }),
    ).toEqual([
      'priority: must be one of "cost", "balanced" or "performance" (got the string "speed")',
      'inferenceProfile: does not apply to training workloads (it is asked only for inference), so leave it out (got the string "commodity")',
    ]);
  });

  it.each([
    ['null', null],
    ['an array', [AWS_FRIENDLY_TRAINING]],
    ['a string', 'training'],
    ['a number', 42],
  ])('rejects %s in place of the answers object', (_name, input) => {
    expect(messagesFor(input)).toEqual([
      expect.stringMatching(
        /^answers: must be a JSON object with the questionnaire's fields, got /,
      ),
    ]);
  });

  it('reports every problem at once', () => {
    expect(messagesFor({})).toHaveLength(7);
  });
});

describe('checking one answer at a time', () => {
  it.each([
    ['monthlySpendUsd', -5, 'must be a number of dollars, 0 or more (got the number -5)'],
    [
      'frameworks',
      ['pytorch', 'pytorch'],
      'must list each framework once (a list of one or more of "pytorch", "jax", "tensorflow", "other", each once)',
    ],
    ['chipCount', undefined, undefined],
    ['workload', undefined, 'is required: one of "training" or "inference"'],
    ['cloudStrategy', 'hybrid', undefined],
  ] as const)('%s = %j gives %j', (field, value, expected) => {
    expect(checkField(field, value)).toBe(expected);
  });
});
