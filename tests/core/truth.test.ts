import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/core/evaluate/decide.js';
import {
  type Advice,
  type Answers,
  appliesTo,
  describeValue,
  FACT_FIELDS,
  QUESTIONS,
  type Question,
} from '../../src/core/index.js';
import { combinations } from '../../src/core/ruleset/domain.js';
import type { LeafCondition } from '../../src/core/ruleset/schema.js';
import { validAnswers } from '../../testkit/arbitraries.js';
import { advisor, answersWith, ruleset } from '../support/advisor.js';

/**
 * Whole classes of sentences, checked over generated answers: each thing the advice says must be
 * true for these answers and this decision (rules/README.md, "Explanations that must be true").
 */

const ruleByName = new Map(ruleset.rules.map((rule) => [rule.name, rule]));
const stepRules = ruleset.rules.filter((rule) => rule.event.type === 'next-step');
/** Rules that only read answers describing the work: a chip they rule out is no option. */
const aboutTheWork = (name: string) =>
  [...(ruleByName.get(name)?.facts ?? [])].every(
    (fact) => !QUESTIONS.find((q) => q.field === fact)?.whatIf,
  );
const noOption = (advice: Advice, chip: string) =>
  advice.ranking.find((r) => r.chip === chip)?.ruledOutBy.some(aboutTheWork) ?? false;

/** The answer value a promised change names: the nearest one for which the leaf holds. */
function promised(leaf: LeafCondition): unknown {
  const at = leaf.value as number;
  if (leaf.operator === 'greaterThan') return at + 1;
  if (leaf.operator === 'lessThan') return at - 1;
  return leaf.value;
}

/** Every value a person could give one question instead, as a test of its own enumerates them. */
function alternatives(question: Question, current: unknown): unknown[] {
  const offered = (question.options ?? []).filter((option) => option.whatIf !== false);
  switch (question.kind) {
    case 'single':
      return offered.map((option) => option.value).filter((value) => value !== current);
    case 'boolean':
      return offered.map((option) => option.value === 'true').filter((value) => value !== current);
    case 'number':
      return [0, 1, 99, 100, 101, 9_999, 10_000, 10_001, 50_000, 1e6].filter(
        (value) => value !== current && value >= (question.min ?? 0),
      );
    case 'multi': {
      const all = (question.options ?? []).map((option) => option.value);
      const now = (current as string[] | undefined) ?? [];
      const lists = Array.from({ length: 2 ** all.length - 1 }, (_, mask) =>
        all.filter((_v, bit) => (mask + 1) & (1 << bit)),
      );
      return lists.filter(
        (list) =>
          list.join() !== [...now].sort((a, b) => all.indexOf(a) - all.indexOf(b)).join() &&
          list.every((value) => now.includes(value) || offered.some((o) => o.value === value)),
      );
    }
    default:
      return [];
  }
}

const nearTheLine = validAnswers.chain((answers) =>
  fc
    .oneof(fc.double({ min: 9_998, max: 10_002, noNaN: true }), fc.constant(10_000.4))
    .map((monthlySpendUsd) => ({ ...answers, monthlySpendUsd }) as Answers),
);

describe('over generated answers', () => {
  it('every next step that promises a change of answer comes true when the change is made, and shows whenever it would', async () => {
    await fc.assert(
      fc.asyncProperty(validAnswers, async (answers) => {
        const advice = await advisor.advise(answers);
        for (const rule of stepRules) {
          if (rule.event.type !== 'next-step') continue;
          const { when, text } = rule.event.params;
          const shown = advice.nextSteps.includes(text);
          if (shown && when?.recommended)
            expect(when.recommended).toContain(advice.recommendation.chip);
          const promise = when?.changeLeadsTo;
          if (
            !promise ||
            !rule.test(answers) ||
            !when.recommended?.includes(advice.recommendation.chip)
          )
            continue;
          const field = promise.change.fact as keyof Answers;
          const to = promised(promise.change);
          const after =
            answers[field] === to
              ? undefined
              : await advisor.advise(answersWith(answers, { [field]: to }));
          const comesTrue =
            after !== undefined && promise.recommends.includes(after.recommendation.chip);
          expect(shown, `${rule.name} for ${JSON.stringify(answers)}`).toBe(comesTrue);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no cost line, risk or assessment speaks of a chip that cannot do this work', async () => {
    await fc.assert(
      fc.asyncProperty(validAnswers, async (answers) => {
        const advice = await advisor.advise(answers);
        if (advice.cost) expect(noOption(advice, advice.cost.chip)).toBe(false);
        for (const assessment of advice.assessments) {
          expect(noOption(advice, assessment.chip), assessment.chip).toBe(false);
        }
        const awsCanDoIt = advice.ranking.some(
          (r) => r.vendor === 'aws' && !noOption(advice, r.chip),
        );
        const risks = advice.assessments.flatMap((a) => [
          ...a.risk.reasons,
          ...a.migration.reasons,
        ]);
        if (!awsCanDoIt) expect(risks.join(' ')).not.toMatch(/AWS silicon for the same work/);
      }),
      { numRuns: 400 },
    );
  });

  it('a cost line quotes the recommendation, a chip the rules placed second below $10K, or a chip one lifted constraint away', async () => {
    await fc.assert(
      fc.asyncProperty(validAnswers, async (answers) => {
        const { cost, recommendation, ranking, counterfactuals } = await advisor.advise(answers);
        if (!cost) return;
        expect(cost.estimatedAnnualSavingsUsd).toBe(cost.estimatedMonthlySavingsUsd * 12);
        const quoted = ranking.find((r) => r.chip === cost.chip);
        if (cost.status === 'recommended') {
          expect(cost.chip).toBe(recommendation.chip);
        } else if (quoted?.eligible) {
          expect(answers.monthlySpendUsd).toBeLessThanOrEqual(10_000);
          expect(cost.text).toMatch(/outweigh/);
        } else {
          const lift = counterfactuals.find((c) => c.chip === cost.chip);
          expect(lift).toBeDefined();
          const changed = Object.fromEntries((lift?.changes ?? []).map((c) => [c.field, c.to]));
          const after = await advisor.advise(answersWith(answers, changed));
          expect(after.recommendation.chip).toBe(cost.chip);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('no amount shown is on the other side of a threshold from the exact answer', async () => {
    const read = (text: string) => Number(text.replace(/[$,]/g, ''));
    await fc.assert(
      fc.asyncProperty(nearTheLine, async (answers) => {
        const advice = await advisor.advise(answers);
        const spend = answers.monthlySpendUsd;
        expect(read(describeValue('monthlySpendUsd', spend))).toBe(spend);
        for (const counterfactual of advice.counterfactuals) {
          for (const [, shown] of counterfactual.text.matchAll(/you answered (\$[\d,.]+)/g)) {
            if (counterfactual.changes.some((c) => c.field === 'monthlySpendUsd')) {
              expect(read(shown ?? '')).toBe(spend);
            }
          }
        }
        const at = advice.cost?.text.match(/ at (\$[\d,.]+)\/month/)?.[1];
        if (at) expect(read(at)).toBe(spend);
      }),
      { numRuns: 300 },
    );
  });

  it('every single change a person could make that alone changes the recommendation is listed', async () => {
    await fc.assert(
      fc.asyncProperty(validAnswers, async (answers) => {
        const advice = await advisor.advise(answers);
        for (const question of QUESTIONS) {
          if (!question.whatIf || !appliesTo(question, answers.workload)) continue;
          for (const to of alternatives(question, answers[question.field])) {
            const after = await advisor.advise(answersWith(answers, { [question.field]: to }));
            const chip = after.recommendation.chip;
            if (chip === advice.recommendation.chip) continue;
            const listed = advice.counterfactuals.some(
              (c) =>
                c.chip === chip && c.changes.length === 1 && c.changes[0]?.field === question.field,
            );
            expect(listed, `${question.field} → ${JSON.stringify(to)} gives ${chip}`).toBe(true);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe('over every answer the rules can tell apart', () => {
  const everyDecision = () =>
    [...combinations(ruleset, FACT_FIELDS)].map((facts) => ({
      facts,
      decision: decide(
        ruleset,
        ruleset.rules.filter((rule) => rule.test(facts)),
      ),
    }));

  it('no recommendation rests on the order chips are listed in: the top two never tie', () => {
    const ties = everyDecision().filter(
      ({ decision: { ranking } }) =>
        ranking[1]?.eligible && ranking[1].points === ranking[0]?.points,
    );
    expect(ties.slice(0, 3).map(({ facts }) => facts)).toEqual([]);
  });

  it('a multi-cloud or hybrid plan always gets the chip that runs on every cloud', () => {
    const spread = everyDecision().filter(({ facts }) => facts.cloudStrategy !== 'aws-only');
    expect(new Set(spread.map(({ decision }) => decision.ranking[0]?.chip.id))).toEqual(
      new Set(['nvidia-blackwell-rubin']),
    );
  });
});
