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

  it('lists every single change that alone flips the answer: performance and hybrid too', async () => {
    const advice = await advisor.advise(
      answersWith(AWS_FRIENDLY_INFERENCE, { monthlySpendUsd: 10_001 }),
    );
    expect(advice.counterfactuals.map((c) => c.text)).toMatchInlineSnapshot(`
      [
        "If monthly spend were at most $10,000 (you answered $10,001), NVIDIA Blackwell/Rubin would be recommended instead of AWS Inferentia.",
        "If you ran on several clouds (you answered AWS only), NVIDIA Blackwell/Rubin would be recommended instead of AWS Inferentia.",
        "If you ran on cloud plus on-prem (you answered AWS only), NVIDIA Blackwell/Rubin would be recommended instead of AWS Inferentia.",
        "If you ruled out AWS lock-in (you answered Yes), NVIDIA Blackwell/Rubin would be recommended instead of AWS Inferentia.",
        "If you needed maximum performance regardless of cost (you answered Balance cost and performance), NVIDIA Blackwell/Rubin would be recommended instead of AWS Inferentia.",
      ]
    `);
  });

  it('suggests porting code to PyTorch/JAX, never adopting TensorFlow or describing the work differently', async () => {
    const ported = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { frameworks: ['pytorch', 'tensorflow'] }),
    );
    expect(ported.counterfactuals.map((c) => c.text)).toContain(
      'If the code base used only PyTorch (you answered PyTorch, TensorFlow), AWS Trainium would be recommended instead of NVIDIA Blackwell/Rubin.',
    );
    for (const answers of [AWS_FRIENDLY_TRAINING, AWS_FRIENDLY_INFERENCE]) {
      const advice = await advisor.advise(answers);
      const changes = advice.counterfactuals.flatMap((c) => c.changes);
      expect(changes.map((c) => c.field)).not.toContain('needsCustomCuda');
      expect(changes.map((c) => c.field)).not.toContain('inferenceProfile');
      expect(changes.flatMap((c) => (Array.isArray(c.to) ? c.to : []))).not.toContain('tensorflow');
    }
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

  it('shows what a constraint the team could lift costs, when lifting it is all it takes', async () => {
    const { cost } = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { priority: 'cost', cloudStrategy: 'hybrid' }),
    );
    expect(cost).toMatchObject({ status: 'alternative', ruleId: 'price-of-a-constraint' });
    expect(cost?.text).toBe(
      'Estimate: AWS Trainium would cost about $20,000/month less (about $240,000/year) at $50,000/month (about 40% lower cost than comparable GPUs), but it is ruled out here (multi-cloud or hybrid plans need chips that run on every cloud), so that saving is the price of keeping it that way. Migration costs are not included.',
    );
  });

  it('says below $10K that migrating would cost more than it saves, not that NVIDIA forgoes a saving', async () => {
    const { cost } = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { monthlySpendUsd: 8_000 }),
    );
    expect(cost?.ruleId).toBe('saving-below-threshold');
    expect(cost?.text).toBe(
      'Estimate: AWS Trainium would cost about $3,200/month less (about $38,400/year) at $8,000/month (about 40% lower cost than comparable GPUs), but at $10K a month or less the article expects the cost of migrating to outweigh a saving of that size.',
    );
  });

  it('quotes no saving for a chip that cannot do the work', async () => {
    const reasoning = await advisor.advise(
      answersWith(AWS_FRIENDLY_INFERENCE, {
        monthlySpendUsd: 1_000_000,
        inferenceProfile: 'complex-reasoning',
      }),
    );
    const cuda = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { needsCustomCuda: true, priority: 'cost' }),
    );
    expect(reasoning.cost).toBeNull();
    expect(cuda.cost).toBeNull();
  });

  it('gives a yearly figure that is 12 times the monthly one shown', async () => {
    const { cost } = await advisor.advise(
      answersWith(AWS_FRIENDLY_INFERENCE, { monthlySpendUsd: 46_000 }),
    );
    expect(cost?.text).toContain('about $18,000/month less (about $216,000/year) at $46,000/month');
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

  it('explains why each rule mattered: it rules chips out, is in favour, outweighed or of no effect', async () => {
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
      'Multi-cloud or hybrid plans need chips that run on every cloud.',
    );
  });

  it('says why each other chip lost', async () => {
    const advice = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { monthlySpendUsd: 8_000 }),
    );
    expect(advice.ranking.map((r) => r.whyNot)).toEqual([
      undefined,
      'Outscored by NVIDIA Blackwell/Rubin (−2 vs 5 points): training spend is at or below $10K/month.'.replace(
        '−',
        '-',
      ),
      'Ruled out: Inferentia and Groq LPUs serve models; they do not train them.',
      'Ruled out: Inferentia and Groq LPUs serve models; they do not train them.',
    ]);
  });
});

describe('risk and migration effort', () => {
  it('assesses only chips that can do the work: none for chips that do not train, or for custom CUDA on AWS', async () => {
    const training = await advisor.advise(AWS_FRIENDLY_TRAINING);
    expect(training.assessments.map((a) => a.chip)).toEqual(['trainium', 'nvidia-blackwell-rubin']);
    const cuda = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { needsCustomCuda: true, priority: 'cost' }),
    );
    expect(cuda.assessments.map((a) => a.chip)).toEqual(['nvidia-blackwell-rubin']);
  });

  it('says GPUs cost more than AWS silicon for the same work only where AWS silicon can do it', async () => {
    const premium = /GPUs cost noticeably more than AWS silicon/;
    const risksOf = async (changes: Record<string, unknown>) =>
      (
        await advisor.advise(answersWith(AWS_FRIENDLY_INFERENCE, { priority: 'cost', ...changes }))
      ).assessments
        .flatMap((a) => a.risk.reasons)
        .join(' ');
    expect(await risksOf({ cloudStrategy: 'multi-cloud' })).toMatch(premium);
    expect(await risksOf({ inferenceProfile: 'complex-reasoning' })).not.toMatch(premium);
    expect(await risksOf({ needsCustomCuda: true })).not.toMatch(premium);
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
