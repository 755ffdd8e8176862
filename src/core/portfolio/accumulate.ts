import { type Alignment, alignmentOf, type ProfileCounts } from './alignment.js';
import { type PortfolioChip, VENDORS } from './chips.js';
import type { PortfolioRow } from './row.js';
import { type SavingRange, savingRangeOf } from './saving.js';

/** The workloads of one chip or vendor: how many, what they spend, their share of the total. */
export interface Split {
  readonly count: number;
  readonly monthlySpendUsd: number;
  /** A fraction of the total monthly spend, 0 when the total is 0. */
  readonly share: number;
}

/** A portfolio's figures (CONTRACT section 5), without its rows, which callers stream. */
export interface PortfolioSummary {
  /** Every chip of chips.json, in its order (count 0 where none is recommended), then any other. */
  readonly byChip: Readonly<Record<string, Split>>;
  /** `aws` and `nvidia` always, then any other vendor a row names. */
  readonly byVendor: Readonly<Record<string, Split>>;
  readonly totals: { readonly workloads: number; readonly monthlySpendUsd: number };
  readonly saving: SavingRange;
  readonly alignment: Alignment;
}

/** Takes rows one at a time, keeping only sums: memory stays the same for a million rows. */
export interface PortfolioAccumulator {
  add(row: PortfolioRow): void;
  summary(): PortfolioSummary;
}

interface Sum {
  count: number;
  spend: number;
}

/**
 * A portfolio accumulator over `chips` (see {@link portfolioChips}). A row whose chip is not
 * among them (a record made under older rules) is counted under its own id and vendor.
 */
export function createPortfolio(chips: readonly PortfolioChip[]): PortfolioAccumulator {
  const byChip = new Map<string, Sum>(chips.map((chip) => [chip.id, { count: 0, spend: 0 }]));
  const byVendor = new Map<string, Sum>(VENDORS.map((vendor) => [vendor, { count: 0, spend: 0 }]));
  const profiles: ProfileCounts = new Map();
  const total: Sum = { count: 0, spend: 0 };
  const bump = (sums: Map<string, Sum>, key: string, spend: number) => {
    let sum = sums.get(key);
    if (!sum) {
      sum = { count: 0, spend: 0 };
      sums.set(key, sum);
    }
    sum.count += 1;
    sum.spend += spend;
  };
  return {
    add(row) {
      bump(byChip, row.chip, row.monthlySpendUsd);
      bump(byVendor, row.vendor, row.monthlySpendUsd);
      const key = `${row.vendor === 'aws' ? 'aws' : 'other'}:${row.profile}` as const;
      profiles.set(key, (profiles.get(key) ?? 0) + 1);
      total.count += 1;
      total.spend += row.monthlySpendUsd;
    },
    summary() {
      const splits = (sums: Map<string, Sum>) =>
        Object.fromEntries([...sums].map(([key, sum]) => [key, splitOf(sum, total.spend)]));
      const awsSpend = chips
        .filter((chip) => chip.vendor === 'aws')
        .map((chip) => ({ chip, spend: byChip.get(chip.id)?.spend ?? 0 }));
      return {
        byChip: splits(byChip),
        byVendor: splits(byVendor),
        totals: { workloads: total.count, monthlySpendUsd: clean(total.spend) },
        saving: savingRangeOf(awsSpend, clean(byVendor.get('aws')?.spend ?? 0)),
        alignment: alignmentOf(profiles),
      };
    },
  };
}

/** The summary of rows already in memory (a channel's decisions, a test's table). */
export function summarizePortfolio(
  rows: Iterable<PortfolioRow>,
  chips: readonly PortfolioChip[],
): PortfolioSummary {
  const portfolio = createPortfolio(chips);
  for (const row of rows) portfolio.add(row);
  return portfolio.summary();
}

function splitOf(sum: Sum, total: number): Split {
  return {
    count: sum.count,
    monthlySpendUsd: clean(sum.spend),
    share: total > 0 ? sum.spend / total : 0,
  };
}

/**
 * A sum without the noise of binary fractions (0.1 + 0.2 is 0.30000000000000004): 15
 * significant digits, all that a double holds exactly, so small amounts are kept as they are.
 */
export function clean(amount: number): number {
  return Number.isFinite(amount) ? Number(amount.toPrecision(15)) : amount;
}
