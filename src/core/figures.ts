/**
 * Figures in words: amounts of money, estimates, bars. No imports, so that the CLI's main thread
 * can render a portfolio without loading the advisor.
 */
const wholeUsd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
// Intl prints the shortest decimal that reads back as the same number, up to 20 digits.
const exactUsd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 20,
});

/**
 * "$50,000", "$10,000.40": exactly the amount, never rounded onto the other side of a
 * threshold ($10,000.40 is above $10,000; "$10,000" would say it is not). An amount too small
 * for 20 decimals reads "under $0.01".
 */
export function formatUsd(amount: number): string {
  if (Number.isInteger(amount)) return wholeUsd.format(amount);
  const shown = exactUsd.format(amount);
  return Number(shown.replace(/[^\d.-]/g, '')) === amount ? shown : 'under $0.01';
}

/** Rounds to two significant figures, for estimates that should not look precise. */
export function roundEstimate(amount: number): number {
  return Number(amount.toPrecision(2));
}

/** A compact bar for a 0..1 score: "███████░░░". */
export function scoreBar(score: number, width = 10): string {
  const filled = Math.round(Math.min(1, Math.max(0, score)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
