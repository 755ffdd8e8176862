import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/core/evaluate/run-engine.js';
import { parseAnswers } from '../../src/core/index.js';
import { validAnswers } from '../../testkit/arbitraries.js';
import { advisor, answersWith, ruleset } from '../support/advisor.js';

const chipIds = ruleset.chips.map((chip) => chip.id).sort();

describe('any valid answers', () => {
  it('get a recommendation that is first in a ranking of every chip, with rationale and next steps', async () => {
    await fc.assert(
      fc.asyncProperty(validAnswers, async (answers) => {
        const advice = await advisor.advise(answers);
        expect(advice.ranking[0]?.chip).toBe(advice.recommendation.chip);
        expect(advice.ranking.map((r) => r.chip).sort()).toEqual(chipIds);
        expect(advice.ranking[0]?.eligible).toBe(true);
        expect(advice.rationale.length).toBeGreaterThan(0);
        expect(advice.nextSteps.length).toBeGreaterThan(0);
        expect(advice.recommendation.reason.length).toBeGreaterThan(0);
        for (const entry of advice.rationale) {
          expect(ruleset.article.sections.map((s) => s.heading)).toContain(entry.source);
        }
        for (const [i, chip] of advice.ranking.entries()) {
          expect(chip.score).toBeGreaterThanOrEqual(0);
          expect(chip.score).toBeLessThanOrEqual(1);
          if (i > 0) expect(chip.whyNot).toMatch(/\S/);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('get the same advice every time, even when evaluated concurrently', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validAnswers, { minLength: 1, maxLength: 30 }), async (batch) => {
        const sequential = [];
        for (const answers of batch) sequential.push(await advisor.advise(answers));
        const concurrent = await Promise.all(batch.map((answers) => advisor.advise(answers)));
        expect(concurrent).toEqual(sequential);
      }),
      { numRuns: 40 },
    );
  });

  it('fire the same rules in json-rules-engine and in the compiled predicates used for what-ifs', async () => {
    await fc.assert(
      fc.asyncProperty(validAnswers, async (answers) => {
        const engine = (await runEngine(ruleset, answers)).fired.map((rule) => rule.name);
        const compiled = ruleset.rules
          .filter((rule) => rule.test(answers))
          .map((rule) => rule.name);
        expect(compiled).toEqual(engine);
      }),
      { numRuns: 400 },
    );
  });

  it('get counterfactuals that are true and minimal', async () => {
    await fc.assert(
      fc.asyncProperty(validAnswers, async (answers) => {
        const advice = await advisor.advise(answers);
        for (const counterfactual of advice.counterfactuals) {
          expect(counterfactual.chip).not.toBe(advice.recommendation.chip);
          expect(counterfactual.changes.map((c) => c.field)).not.toContain('workload');
          const changed = Object.fromEntries(counterfactual.changes.map((c) => [c.field, c.to]));
          const flipped = await advisor.advise(answersWith(answers, changed));
          expect(flipped.recommendation.chip).toBe(counterfactual.chip);
          // Minimal: dropping any one of the changes no longer gives that chip.
          if (counterfactual.changes.length > 1) {
            for (const skipped of counterfactual.changes) {
              const partial = Object.fromEntries(
                counterfactual.changes.filter((c) => c !== skipped).map((c) => [c.field, c.to]),
              );
              const result = await advisor.advise(answersWith(answers, partial));
              expect(result.recommendation.chip).not.toBe(counterfactual.chip);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('get a cost view only as an estimate worth the article’s 40% of the stated spend', async () => {
    await fc.assert(
      fc.asyncProperty(validAnswers, async (answers) => {
        const { cost } = await advisor.advise(answers);
        if (!cost) return;
        expect(cost.estimate).toBe(true);
        expect(cost.reductionVsGpu).toBe(0.4);
        const exact = answers.monthlySpendUsd * 0.4;
        expect(Math.abs(cost.estimatedMonthlySavingsUsd - exact)).toBeLessThanOrEqual(
          exact * 0.05 + 0.5,
        );
        expect(cost.text).toMatch(/^Estimate: /);
      }),
      { numRuns: 300 },
    );
  });
});

describe('any input at all', () => {
  it('is either valid answers or a list of field messages, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.object(),
          validAnswers.map((a) => ({ ...a, extra: 1 })),
        ),
        (input) => {
          const result = parseAnswers(input);
          if (!result.ok) {
            expect(result.issues.length).toBeGreaterThan(0);
            for (const issue of result.issues)
              expect(issue.message).toMatch(/^("[^\n]*"|[\w[\].()]+): \S/);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
