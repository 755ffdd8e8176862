/** The portfolio: many workloads' recommendations summed by chip and vendor (CONTRACT section 5). */
export {
  clean,
  createPortfolio,
  type PortfolioAccumulator,
  type PortfolioSummary,
  type Split,
  summarizePortfolio,
} from './accumulate.js';
export { type Alignment, HYBRID_SOURCE } from './alignment.js';
export { type PortfolioChip, portfolioChips, VENDORS } from './chips.js';
export {
  type HybridProfile,
  type PortfolioRow,
  portfolioRowOf,
  profileOf,
  type RowAnswers,
  type Vendor,
} from './row.js';
export type { SavingRange } from './saving.js';
