import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HYBRID_SOURCE,
  type PortfolioRow,
  portfolioChips,
  portfolioRowOf,
  summarizePortfolio,
} from '../../src/core/portfolio/index.js';
import { validAnswers } from '../../testkit/arbitraries.js';
import { AWS_FRIENDLY_INFERENCE, advisor, ruleset } from '../support/advisor.js';

const chips = portfolioChips(ruleset);
const headings = ruleset.article.sections.map((section) => section.heading);

/** A row as a summary sees it; `demanding` stands for performance, CUDA or multi-cloud needs. */
const row = (
  chip: string,
  monthlySpendUsd: number,
  profile: PortfolioRow['profile'] = chip.startsWith('nvidia') ? 'demanding' : 'standardized',
): PortfolioRow => ({
  workload: chip === 'trainium' || chip === 'nvidia-blackwell-rubin' ? 'training' : 'inference',
  monthlySpendUsd,
  chip,
  vendor: chip.startsWith('nvidia') ? 'nvidia' : 'aws',
  profile,
});

describe('the portfolio arithmetic', () => {
  it.each([
    {
      name: 'one AWS Inferentia workload (the contract example)',
      rows: [row('inferentia', 50_000)],
      byVendor: { aws: [1, 50_000, 1], nvidia: [0, 0, 0] },
      total: 50_000,
      savingHigh: 20_000,
    },
    {
      name: 'three AWS and two NVIDIA workloads',
      rows: [
        row('trainium', 100_000),
        row('inferentia', 25_000),
        row('inferentia', 10_001),
        row('nvidia-blackwell-rubin', 60_000),
        row('nvidia-groq-rubin', 4_999),
      ],
      byVendor: { aws: [3, 135_001, 0.675005], nvidia: [2, 64_999, 0.324995] },
      total: 200_000,
      // 40% of $135,001 is $54,000.40: an estimate to two significant figures.
      savingHigh: 54_000,
    },
    {
      name: 'only NVIDIA: nothing to save',
      rows: [row('nvidia-blackwell-rubin', 9_999, 'standardized'), row('nvidia-groq-rubin', 1)],
      byVendor: { aws: [0, 0, 0], nvidia: [2, 10_000, 1] },
      total: 10_000,
      savingHigh: 0,
    },
    {
      name: 'spend of zero: every share is 0',
      rows: [row('trainium', 0), row('nvidia-groq-rubin', 0)],
      byVendor: { aws: [1, 0, 0], nvidia: [1, 0, 0] },
      total: 0,
      savingHigh: 0,
    },
    {
      name: 'cents that binary fractions would blur',
      rows: [row('inferentia', 0.1), row('inferentia', 0.2)],
      byVendor: { aws: [2, 0.3, 1], nvidia: [0, 0, 0] },
      total: 0.3,
      savingHigh: 0.12,
    },
    {
      name: 'no workloads at all',
      rows: [],
      byVendor: { aws: [0, 0, 0], nvidia: [0, 0, 0] },
      total: 0,
      savingHigh: 0,
    },
  ])('sums $name exactly', ({ rows, byVendor, total, savingHigh }) => {
    const summary = summarizePortfolio(rows, chips);
    const split = ([count, monthlySpendUsd, share]: number[]) => ({
      count,
      monthlySpendUsd,
      share,
    });
    expect(summary.byVendor).toEqual({ aws: split(byVendor.aws), nvidia: split(byVendor.nvidia) });
    expect(summary.totals).toEqual({ workloads: rows.length, monthlySpendUsd: total });
    expect(summary.saving.monthlyUsd).toEqual({ low: 0, high: savingHigh });
    expect(summary.saving.annualUsd).toEqual({ low: 0, high: savingHigh * 12 });
    expect(Object.keys(summary.byChip)).toEqual(chips.map((chip) => chip.id));
  });

  it('lists every chip, with a count of 0 where none is recommended', () => {
    const summary = summarizePortfolio([row('trainium', 100_000), row('trainium', 50_000)], chips);
    expect(summary.byChip).toEqual({
      'nvidia-blackwell-rubin': { count: 0, monthlySpendUsd: 0, share: 0 },
      'nvidia-groq-rubin': { count: 0, monthlySpendUsd: 0, share: 0 },
      trainium: { count: 2, monthlySpendUsd: 150_000, share: 1 },
      inferentia: { count: 0, monthlySpendUsd: 0, share: 0 },
    });
  });

  it('counts a chip the rules no longer know under its own id, after the known ones', () => {
    const old = { ...row('trainium', 10), chip: 'trainium-1', vendor: 'aws' };
    const summary = summarizePortfolio([old], chips);
    expect(Object.keys(summary.byChip).at(-1)).toBe('trainium-1');
    expect(summary.byChip['trainium-1']).toEqual({ count: 1, monthlySpendUsd: 10, share: 1 });
    // No cost claim is known for it, so nothing is estimated for it.
    expect(summary.saving.monthlyUsd.high).toBe(0);
    expect(summary.saving.basisMonthlySpendUsd).toBe(10);
  });

  it('states the saving as a range from the article, naming the headings of its claims', () => {
    const { saving } = summarizePortfolio(
      [row('trainium', 100_000), row('inferentia', 35_000)],
      chips,
    );
    expect(saving.reduction).toEqual({ low: 0.4, high: 0.4 });
    expect(saving.sources).toEqual([
      'The Enterprise Decision Framework: Custom vs NVIDIA',
      'Why AWS Still Needs NVIDIA (Despite Custom Chips)',
    ]);
    for (const source of saving.sources) expect(headings).toContain(source);
    expect(saving.text).toMatchInlineSnapshot(
      `"Estimated saving: $0 to $54,000 a month ($0 to $648,000 a year) on the $135,000 a month of workloads recommended AWS silicon, from the article's ~40% claim ("The Enterprise Decision Framework: Custom vs NVIDIA" and "Why AWS Still Needs NVIDIA (Despite Custom Chips)"); an estimate, not a quote."`,
    );
    expect(summarizePortfolio([row('nvidia-groq-rubin', 5)], chips).saving.text).toMatch(
      /^No saving is estimated: no workload is recommended AWS silicon/,
    );
  });
});

describe('the alignment with the hybrid strategy', () => {
  it.each([
    {
      rows: [
        row('inferentia', 1),
        row('trainium', 1),
        row('trainium', 1),
        ...Array.from({ length: 5 }, () => row('nvidia-blackwell-rubin', 1)),
      ],
      text: "3 cost-sensitive workloads on AWS silicon and 5 performance-critical or multi-cloud workloads on NVIDIA. This is the article's hybrid strategy.",
    },
    {
      rows: [row('nvidia-groq-rubin', 1), row('nvidia-blackwell-rubin', 1, 'standardized')],
      text: "1 performance-critical or multi-cloud workload on NVIDIA and 1 other workload on NVIDIA for flexibility, where spend, frameworks or lock-in do not make the case for AWS silicon. The article's hybrid strategy puts standardized, cost-sensitive work on AWS silicon; none of these makes that case under the rules.",
    },
    {
      rows: [row('inferentia', 1)],
      text: "1 cost-sensitive workload on AWS silicon. The article's hybrid strategy would keep performance-critical or multi-cloud work on NVIDIA; there is none here.",
    },
    {
      rows: [row('inferentia', 1, 'demanding'), row('nvidia-groq-rubin', 1)],
      text: "1 performance-critical or multi-cloud workload on NVIDIA and 1 performance-critical or multi-cloud workload on AWS silicon all the same. The article's hybrid strategy keeps performance-critical and multi-cloud work on NVIDIA.",
    },
    { rows: [], text: 'No workloads yet.' },
  ])('says "$text"', ({ rows, text }) => {
    const { alignment } = summarizePortfolio(rows, chips);
    expect(alignment.text).toBe(text);
    expect(headings).toContain(alignment.source);
    expect(alignment.source).toBe(HYBRID_SOURCE);
  });

  it.each([
    [{}, 'standardized'],
    [{ priority: 'performance' }, 'demanding'],
    [{ needsCustomCuda: true }, 'demanding'],
    [{ cloudStrategy: 'multi-cloud' }, 'demanding'],
    [{ cloudStrategy: 'hybrid' }, 'demanding'],
    [{ inferenceProfile: 'complex-reasoning' }, 'demanding'],
    [{ priority: 'cost', monthlySpendUsd: 10 }, 'standardized'],
  ] as const)('reads the profile of %o from the answers: %s', (change, profile) => {
    const answers = { ...AWS_FRIENDLY_INFERENCE, ...change };
    expect(portfolioRowOf(answers, { chip: 'inferentia', vendor: 'aws' }).profile).toBe(profile);
  });
});

describe('any portfolio', () => {
  const rows = fc.array(
    fc.record({
      chip: fc.constantFrom(...chips.map((chip) => chip.id)),
      monthlySpendUsd: fc.oneof(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }),
      ),
      profile: fc.constantFrom('standardized', 'demanding' as const),
    }),
    { maxLength: 200 },
  );
  const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(1e-6, Math.abs(b) * 1e-9);

  it('has splits whose spends add up to the total and whose shares add up to 1', () => {
    fc.assert(
      fc.property(rows, (picked) => {
        const summary = summarizePortfolio(
          picked.map((r) => row(r.chip, r.monthlySpendUsd, r.profile)),
          chips,
        );
        const { monthlySpendUsd: total, workloads } = summary.totals;
        for (const splits of [summary.byChip, summary.byVendor]) {
          const values = Object.values(splits);
          expect(values.reduce((n, s) => n + s.count, 0)).toBe(workloads);
          expect(
            near(
              values.reduce((n, s) => n + s.monthlySpendUsd, 0),
              total,
            ),
          ).toBe(true);
          const shares = values.reduce((n, s) => n + s.share, 0);
          expect(Math.abs(shares - (total > 0 ? 1 : 0))).toBeLessThan(1e-9);
        }
        const { alignment, saving } = summary;
        expect(
          alignment.costSensitiveOnAws +
            alignment.demandingOnAws +
            alignment.demandingOnNvidia +
            alignment.standardizedOnNvidia,
        ).toBe(workloads);
        // Two significant figures round the 40% by at most 5% either way.
        expect(saving.monthlyUsd.high).toBeLessThanOrEqual(
          saving.basisMonthlySpendUsd * 0.4 * 1.05,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('puts each advised workload on the vendor of its chip, in the row of its answers', async () => {
    await fc.assert(
      fc.asyncProperty(validAnswers, async (answers) => {
        const advice = await advisor.advise(answers);
        const made = portfolioRowOf(answers, advice.recommendation);
        expect(made.vendor).toBe(chips.find((chip) => chip.id === made.chip)?.vendor);
        expect(made.workloadName).toBe(answers.workloadName);
        expect('workloadName' in made).toBe(answers.workloadName !== undefined);
        // Under today's rules, demanding work never lands on AWS silicon.
        if (made.profile === 'demanding') expect(made.vendor).toBe('nvidia');
      }),
      { numRuns: 200 },
    );
  });
});
