import { describe, expect, it } from 'vitest';
import { parseTypedAnswer, questionFor } from '../../src/core/index.js';

describe('typed answers (terminal input, Slack option values)', () => {
  it.each([
    ['monthlySpendUsd', '50000', 50_000],
    ['monthlySpendUsd', '$50,000', 50_000],
    ['monthlySpendUsd', '12.5k', 12_500],
    ['monthlySpendUsd', '1.2M', 1_200_000],
    ['chipCount', '128', 128],
    ['needsCustomCuda', 'true', true],
    ['needsCustomCuda', 'n', false],
    ['needsCustomCuda', '2', false],
    ['workload', '2', 'inference'],
    ['workload', 'Training', 'training'],
    ['cloudStrategy', 'multi-cloud', 'multi-cloud'],
    ['frameworks', '1, jax', ['pytorch', 'jax']],
    ['workloadName', '  Search  ', 'Search'],
    ['awsNeuronExperience', '', undefined],
  ] as const)('%s: %j → %j', (field, text, value) => {
    expect(parseTypedAnswer(questionFor(field), text)).toEqual({ ok: true, value });
  });

  it.each([
    ['monthlySpendUsd', '10abc'],
    ['monthlySpendUsd', 'lots'],
    ['monthlySpendUsd', '-5'],
    ['needsCustomCuda', 'maybe'],
    ['workload', '3'],
    ['frameworks', 'pytorch, caffe'],
  ] as const)('%s: rejects %j with what is expected', (field, text) => {
    expect(parseTypedAnswer(questionFor(field), text)).toEqual({
      ok: false,
      message: `must be ${questionFor(field).expects}`,
    });
  });
});
