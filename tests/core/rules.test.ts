import { describe, expect, it } from 'vitest';
import {
  AWS_FRIENDLY_INFERENCE,
  AWS_FRIENDLY_TRAINING,
  advisor,
  answersWith,
  firedRules,
  ruleset,
} from '../support/advisor.js';
import { ARTICLE_CASES } from './article-cases.js';

describe('the article, line by line', () => {
  it.each(ARTICLE_CASES.map((c) => [`${c.section} — ${c.line}`, c] as const))(
    '%s',
    async (_name, c) => {
      const answers = answersWith(c.base, c.changes);
      const advice = await advisor.advise(answers);
      expect(advice.recommendation.chip).toBe(c.expected);
      expect(await firedRules(answers)).toEqual(expect.arrayContaining([...c.fires]));
    },
  );
});

describe('rule coverage across the named cases', () => {
  it('fires every rule in some case and leaves it silent in another', async () => {
    const firedPerCase = await Promise.all(
      ARTICLE_CASES.map((c) => firedRules(answersWith(c.base, c.changes))),
    );
    const neverFired = ruleset.rules.filter((r) => !firedPerCase.some((f) => f.includes(r.name)));
    const alwaysFired = ruleset.rules.filter((r) => firedPerCase.every((f) => f.includes(r.name)));
    expect(neverFired.map((r) => r.name)).toEqual([]);
    expect(alwaysFired.map((r) => r.name)).toEqual([]);
  });

  it('has a named case for every article section that a rule cites', () => {
    const cited = new Set(ruleset.rules.map((rule) => rule.event.params.source));
    const covered = new Set(ARTICLE_CASES.map((c) => c.section));
    const uncovered = [...cited].filter(
      (heading) =>
        !covered.has(heading) &&
        heading !== 'What to Watch Next' &&
        heading !== 'Networking Matters as Much as Compute',
    );
    expect(uncovered).toEqual([]);
  });
});

describe('the $10,000/month threshold', () => {
  const spends = [0, 5_000, 9_999, 9_999.99, 10_000, 10_000.01, 10_001, 12_500, 50_000, 1e9];
  const expectedFor = (spend: number, aws: string) =>
    spend > 10_000 ? aws : 'nvidia-blackwell-rubin';

  it.each(spends)('training at $%d/month goes to AWS only above $10,000', async (spend) => {
    const advice = await advisor.advise(
      answersWith(AWS_FRIENDLY_TRAINING, { monthlySpendUsd: spend }),
    );
    expect(advice.recommendation.chip).toBe(expectedFor(spend, 'trainium'));
  });

  it.each(spends)(
    'commodity inference at $%d/month goes to AWS only above $10,000',
    async (spend) => {
      const advice = await advisor.advise(
        answersWith(AWS_FRIENDLY_INFERENCE, { monthlySpendUsd: spend }),
      );
      expect(advice.recommendation.chip).toBe(expectedFor(spend, 'inferentia'));
    },
  );

  it.each(spends)(
    'holds at $%d/month even with every other signal pulling towards AWS',
    async (spend) => {
      const strongest = { monthlySpendUsd: spend, priority: 'cost', awsNeuronExperience: true };
      const training = await advisor.advise(
        answersWith(AWS_FRIENDLY_TRAINING, { ...strongest, chipCount: 512 }),
      );
      const inference = await advisor.advise(answersWith(AWS_FRIENDLY_INFERENCE, strongest));
      expect(training.recommendation.chip).toBe(expectedFor(spend, 'trainium'));
      expect(inference.recommendation.chip).toBe(expectedFor(spend, 'inferentia'));
    },
  );

  it('never sends complex reasoning to AWS, whatever the spend', async () => {
    for (const spend of spends) {
      const advice = await advisor.advise(
        answersWith(AWS_FRIENDLY_INFERENCE, {
          monthlySpendUsd: spend,
          inferenceProfile: 'complex-reasoning',
        }),
      );
      expect(advice.recommendation.chip).toBe('nvidia-groq-rubin');
    }
  });
});
