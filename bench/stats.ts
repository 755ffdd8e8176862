/** Percentile of a sample (nearest rank), in the sample's unit. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p99: number;
}

/** Median and p99 of a sample. */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, median: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  return summarize(values).median;
}

/** Rounds for display and JSON: 3 significant decimals is plenty for timings. */
export function round(value: number, digits = 3): number {
  return Number(value.toFixed(digits));
}
