import { formatUsd, roundEstimate } from '../figures.js';
import type { PortfolioChip } from './chips.js';

/**
 * What moving to AWS silicon could save, as a range: from nothing (the claim may not hold for
 * this work) up to the article's claim for each AWS chip (chips.json `cost`: "Inferentia
 * claims 40% cost reduction vs traditional GPUs", and Trainium's "40% lower cost" in the
 * framework table), applied to the spend of the workloads it is recommended for.
 */
export interface SavingRange {
  readonly estimate: true;
  /** Monthly spend of the workloads recommended AWS silicon: what the claim is applied to. */
  readonly basisMonthlySpendUsd: number;
  readonly monthlyUsd: { readonly low: 0; readonly high: number };
  /** Twelve times the monthly range, so the two never disagree. */
  readonly annualUsd: { readonly low: 0; readonly high: number };
  /** The claimed reductions applied, lowest and highest (0.4 = 40%); 0 when none applies. */
  readonly reduction: { readonly low: number; readonly high: number };
  /** Article headings the claims come from, in chips.json's order. */
  readonly sources: readonly string[];
  /** The range in a sentence, with its source. */
  readonly text: string;
}

/** The range for the AWS chips' monthly spend; `basis` is the spend of every AWS row. */
export function savingRangeOf(
  awsSpend: readonly { readonly chip: PortfolioChip; readonly spend: number }[],
  basis: number,
): SavingRange {
  const claimed = awsSpend.filter(({ chip, spend }) => chip.cost && spend > 0);
  const reductions = claimed.map(({ chip }) => chip.cost?.reductionVsGpu ?? 0);
  const raw = claimed.reduce(
    (sum, { chip, spend }) => sum + spend * (chip.cost?.reductionVsGpu ?? 0),
    0,
  );
  // Two significant figures, as the single-workload estimate: a claim, not a quote.
  const high = roundEstimate(raw);
  const sources = [...new Set(claimed.map(({ chip }) => chip.cost?.source ?? ''))];
  const reduction = {
    low: reductions.length > 0 ? Math.min(...reductions) : 0,
    high: reductions.length > 0 ? Math.max(...reductions) : 0,
  };
  return {
    estimate: true,
    basisMonthlySpendUsd: basis,
    monthlyUsd: { low: 0, high },
    annualUsd: { low: 0, high: high * 12 },
    reduction,
    sources,
    text: textOf(high, basis, reduction, sources),
  };
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

function textOf(
  high: number,
  basis: number,
  reduction: SavingRange['reduction'],
  sources: readonly string[],
): string {
  if (sources.length === 0) {
    return basis > 0
      ? `No saving is estimated: the article makes no cost claim for the AWS chips recommended here.`
      : 'No saving is estimated: no workload is recommended AWS silicon, where the article claims its ~40% saving.';
  }
  const claim =
    reduction.low === reduction.high
      ? `~${percent(reduction.high)}`
      : `${percent(reduction.low)}-${percent(reduction.high)}`;
  const quoted = sources.map((source) => `"${source}"`).join(' and ');
  return (
    `Estimated saving: $0 to ${formatUsd(high)} a month ($0 to ${formatUsd(high * 12)} a year) ` +
    `on the ${formatUsd(basis)} a month of workloads recommended AWS silicon, from the article's ${claim} claim ` +
    `(${quoted}); an estimate, not a quote.`
  );
}
