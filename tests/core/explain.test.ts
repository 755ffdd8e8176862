import { describe, expect, it } from 'vitest';
import { createAdvisor, loadRuleset } from '../../src/core/index.js';
import {
  AWS_FRIENDLY_INFERENCE,
  AWS_FRIENDLY_TRAINING,
  advisor,
  answersWith,
} from '../support/advisor.js';
import { copyRules } from '../support/rules-dir.js';

describe('what would change the answer', () => {
  it('names the spend that would flip small inference to Inferentia', async () => {
    const advice = await advisor.advise(
      answersWith(AWS_FRIENDLY_INFERENCE, { monthlySpendUsd: 5_000 }),
    );
    expect(advice.recommendation.chip).toBe('nvidia-blackwell-rubin');
    expect(advice.counterfactuals.map((c) => c.text)).toContain(
      'If monthly spend were above $10,000 (you answered $5,000), AWS Inferentia would be recommended instead of NVIDIA Blackwell/Rubin.',
    );
  });

  it('offers the smallest changes first, one per rival chip before repeats', async () => {
    const advice = await advisor.advise(AWS_FRIENDLY_INFERENCE);
    expect(
      advice.counterfactuals.map((c) => [
        c.chip,
        c.changes.map((x) => `${x.field}=${JSON.stringify(x.to)}`),
      ]),
    ).toMatchInlineSnapshot(`
      [
        [
          "nvidia-blackwell-rubin",
          [
            "monthlySpendUsd=10000",
          ],
        ],
        [
          "nvidia-blackwell-rubin",
          [
            "frameworks=["pytorch","tensorflow"]",
          ],
        ],
        [
          "nvidia-blackwell-rubin",
          [
            "cloudStrategy="multi-cloud"",
          ],
        ],
        [
          "nvidia-blackwell-rubin",
          [
            "acceptsAwsLockIn=false",
          ],
        ],
        [
          "nvidia-blackwell-rubin",
          [
            "priority="performance"",
          ],
        ],
      ]
    `);
  });

  it('combines changes when no single change is enough', async () => {
    const advice = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { cloudStrategy: 'multi-cloud', acceptsAwsLockIn: false }),
    );
    const toTrainium = advice.counterfactuals.find((c) => c.chip === 'trainium');
    expect(toTrainium?.changes.map((c) => c.field).sort()).toEqual([
      'acceptsAwsLockIn',
      'cloudStrategy',
    ]);
    expect(toTrainium?.text).toBe(
      'If you ran on AWS only (you answered Multi-cloud (AWS plus Azure, GCP, ...)) and you accepted AWS lock-in (you answered No), AWS Trainium would be recommended instead of NVIDIA Blackwell/Rubin.',
    );
  });

  it('never suggests a chip that cannot do this kind of work', async () => {
    const advice = await advisor.advise(AWS_FRIENDLY_TRAINING);
    expect(advice.counterfactuals.map((c) => c.chip)).not.toContain('inferentia');
    expect(advice.counterfactuals.map((c) => c.chip)).not.toContain('nvidia-groq-rubin');
  });
});

describe('the cost view', () => {
  it('applies the article’s ~40% to the stated spend and labels it an estimate with its source', async () => {
    const { cost } = await advisor.advise(AWS_FRIENDLY_INFERENCE);
    expect(cost).toMatchObject({
      chip: 'inferentia',
      status: 'recommended',
      estimate: true,
      estimatedMonthlySavingsUsd: 20_000,
      estimatedAnnualSavingsUsd: 240_000,
      source: 'Why AWS Still Needs NVIDIA (Despite Custom Chips)',
    });
    expect(cost?.text).toContain('about $20,000/month less (about $240,000/year) at $50,000/month');
  });

  it('shows what a cost-first team gives up when AWS is ruled out', async () => {
    const { cost } = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { priority: 'cost', cloudStrategy: 'hybrid' }),
    );
    expect(cost?.status).toBe('alternative');
    expect(cost?.text).toContain(
      'but it is ruled out here (multi-cloud or hybrid plans need NVIDIA for portability)',
    );
  });

  it('is absent when no price-sensitive choice is involved', async () => {
    const advice = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { priority: 'performance' }),
    );
    expect(advice.cost).toBeNull();
  });
});

describe('the rationale', () => {
  it('keeps conditions json-rules-engine skipped, marked as not evaluated, with their value', async () => {
    const advice = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { frameworks: ['pytorch', 'tensorflow'] }),
    );
    const entry = advice.rationale.find((r) => r.ruleId === 'frameworks-outside-pytorch-jax');
    expect(entry?.conditions).toEqual([
      expect.objectContaining({
        text: 'Frameworks: includes TensorFlow',
        evaluated: true,
        result: true,
      }),
      expect.objectContaining({
        text: 'Frameworks: includes Other',
        evaluated: false,
        result: false,
      }),
    ]);
  });

  it('explains why each rule mattered: constraint, for, outweighed or moot', async () => {
    const advice = await advisor.advise(
      answersWith(AWS_FRIENDLY_INFERENCE, { cloudStrategy: 'multi-cloud' }),
    );
    const roles = Object.fromEntries(advice.rationale.map((r) => [r.ruleId, r.role]));
    expect(roles).toMatchObject({
      'multi-cloud-needs-portability': 'narrows',
      'multi-cloud-deployments': 'supports',
      'inference-spend-over-threshold': 'moot',
    });
    expect(advice.recommendation.reason).toBe(
      'Multi-cloud or hybrid plans need NVIDIA for portability; the inference is commodity serving.',
    );
  });

  it('says why each other chip lost', async () => {
    const advice = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { monthlySpendUsd: 8_000 }),
    );
    expect(advice.ranking.map((r) => r.whyNot)).toEqual([
      undefined,
      'Outscored by NVIDIA Blackwell/Rubin (−1 vs 5 points): training spend is at or below $10K/month.'.replace(
        '−',
        '-',
      ),
      'Ruled out: Inferentia and Groq LPUs serve models; they do not train them.',
      'Ruled out: Inferentia and Groq LPUs serve models; they do not train them.',
    ]);
  });
});

describe('risk and migration effort', () => {
  it('rates porting custom CUDA to AWS Neuron as high effort', async () => {
    const advice = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { needsCustomCuda: true }),
    );
    const trainium = advice.assessments.find((a) => a.chip === 'trainium');
    expect(trainium?.migration.level).toBe('high');
    expect(trainium?.migration.reasons[0]).toMatch(/rewritten for AWS Neuron/);
  });

  it('rates a team without Neuron experience as medium effort, and one with it as low', async () => {
    const without = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { awsNeuronExperience: false }),
    );
    const withIt = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { awsNeuronExperience: true }),
    );
    expect(without.assessments.find((a) => a.chip === 'trainium')?.migration.level).toBe('medium');
    expect(withIt.assessments.find((a) => a.chip === 'trainium')?.migration.level).toBe('low');
  });

  it('falls back to the chip baseline when no assessment rule applies', async () => {
    const advice = await advisor.advise(AWS_FRIENDLY_TRAINING);
    expect(advice.assessments.find((a) => a.chip === 'nvidia-blackwell-rubin')).toMatchObject({
      migration: { level: 'low' },
      risk: { level: 'low' },
    });
  });
});

describe('the one-line reason', () => {
  it('gives two different reasons even when two rules word theirs alike', async () => {
    const rules = copyRules();
    try {
      // The workload-table rule now says what the checklist's spend rule says.
      rules.edit('workload-table.json', (json) => {
        for (const rule of json.rules) {
          const params = rule.event.params;
          if (params.reason === 'the inference is commodity serving') {
            params.reason = 'inference spend is above $10K/month';
          }
        }
      });
      const edited = createAdvisor(loadRuleset(rules.dir));
      const advice = await edited.advise(AWS_FRIENDLY_INFERENCE);
      const reasons = advice.recommendation.reason.replace(/\.$/, '').split('; ');
      expect(reasons).toHaveLength(2);
      expect(new Set(reasons.map((reason) => reason.toLowerCase())).size).toBe(2);
    } finally {
      rules.cleanup();
    }
  });
});
