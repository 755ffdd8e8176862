import { describe, expect, it } from 'vitest';
import {
  type Advice,
  CONDITION_LABELS,
  RANKING_LEGEND,
  ROLE_LABELS,
} from '../../src/core/index.js';
import {
  AWS_FRIENDLY_INFERENCE,
  AWS_FRIENDLY_TRAINING,
  advisor,
  answersWith,
  ruleset,
} from '../support/advisor.js';

/** The text of a next-step rule, by name. */
function stepText(name: string): string {
  const rule = ruleset.rules.find((candidate) => candidate.name === name);
  if (rule?.event.type !== 'next-step') throw new Error(`no next step ${name}`);
  return rule.event.params.text;
}

const train = AWS_FRIENDLY_TRAINING;
const infer = AWS_FRIENDLY_INFERENCE;
const REVISIT = stepText('revisit-at-threshold');

/** Named cases from the issue that found sentences contradicting the answer. */
describe('a next step that promises a change of answer', () => {
  it.each([
    [
      'complex reasoning at $5,000 (stays on Groq + Rubin at any spend)',
      infer,
      { monthlySpendUsd: 5_000, inferenceProfile: 'complex-reasoning' },
      false,
    ],
    [
      'custom-CUDA training at $5,000',
      train,
      { monthlySpendUsd: 5_000, needsCustomCuda: true },
      false,
    ],
    [
      'performance-first training at $5,000',
      train,
      { monthlySpendUsd: 5_000, priority: 'performance' },
      false,
    ],
    [
      'multi-cloud commodity inference at $5,000',
      infer,
      { monthlySpendUsd: 5_000, cloudStrategy: 'multi-cloud' },
      false,
    ],
    ['commodity inference at $5,000', infer, { monthlySpendUsd: 5_000 }, true],
    ['balanced training at exactly $10,000', train, { monthlySpendUsd: 10_000 }, true],
  ] as const)(
    '"run this again above $10K" for %s: shown only where it comes true',
    async (_name, base, changes, shown) => {
      const advice = await advisor.advise(answersWith(base, changes));
      expect(advice.nextSteps.includes(REVISIT)).toBe(shown);
      if (!shown) return;
      const above = await advisor.advise(
        answersWith(base, { ...changes, monthlySpendUsd: 10_001 }),
      );
      expect(above.recommendation.vendor).toBe('aws');
    },
  );
});

describe('amounts near the $10,000 line', () => {
  it('are shown exactly, never rounded across the line', async () => {
    const advice = await advisor.advise(answersWith(train, { monthlySpendUsd: 10_000.4 }));
    expect(advice.counterfactuals[0]?.text).toBe(
      'If monthly spend were at most $10,000 (you answered $10,000.40), NVIDIA Blackwell/Rubin would be recommended instead of AWS Trainium.',
    );
    expect(advice.cost?.text).toContain('at $10,000.40/month');
  });
});

describe('a decision the article makes explicitly', () => {
  it('training at $0, cost-first, 100 chips, Neuron experience: NVIDIA, for the $10K reason, not a tie', async () => {
    const advice = await advisor.advise(
      answersWith(train, {
        monthlySpendUsd: 0,
        priority: 'cost',
        chipCount: 100,
        awsNeuronExperience: true,
      }),
    );
    expect(advice.recommendation).toMatchObject({
      chip: 'nvidia-blackwell-rubin',
      reason: 'Training spend is at or below $10K/month.',
    });
    const [winner, runnerUp] = advice.ranking;
    expect(runnerUp?.points).toBeLessThan(winner?.points ?? 0);
    expect(runnerUp?.whyNot).toBe(
      'Outscored by NVIDIA Blackwell/Rubin (4 vs 5 points): training spend is at or below $10K/month.',
    );
  });
});

describe('multi-cloud and hybrid plans', () => {
  const groqNew = stepText('groq-benchmarks');
  it.each([['multi-cloud'], ['hybrid']] as const)(
    'complex reasoning on %s runs on what runs everywhere, and says where Groq fits',
    async (cloudStrategy) => {
      const advice = await advisor.advise(
        answersWith(infer, { inferenceProfile: 'complex-reasoning', cloudStrategy }),
      );
      expect(advice.recommendation.chip).toBe('nvidia-blackwell-rubin');
      expect(advice.nextSteps).toContain(stepText('groq-where-it-fits'));
      expect(advice.nextSteps).not.toContain(groqNew);
      expect(advice.counterfactuals.map((c) => [c.chip, c.changes.map((x) => x.to)])).toEqual([
        ['nvidia-groq-rubin', ['aws-only']],
      ]);
    },
  );
});

describe('the words people read', () => {
  const jargon = /moot|skipped|engine|default order|constraint/i;
  it('name every rationale role and condition outcome without internal terms', () => {
    for (const label of [...Object.values(ROLE_LABELS), ...Object.values(CONDITION_LABELS)]) {
      expect(label).not.toMatch(jargon);
    }
    expect(RANKING_LEGEND).toMatch(/Points: .* Score: .*0\.50/);
  });

  it('say what a rule does to the points in words', async () => {
    const advice: Advice = await advisor.advise(answersWith(train, { monthlySpendUsd: 8_000 }));
    const entry = advice.rationale.find((r) => r.ruleId === 'training-spend-under-threshold');
    expect(entry?.effect).toBe('+5 points for NVIDIA Blackwell/Rubin, −5 points for AWS Trainium');
  });
});
