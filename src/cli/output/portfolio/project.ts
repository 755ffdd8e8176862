import { type PortfolioRow, portfolioRowOf } from '../../../core/portfolio/index.js';
import type { Projection } from '../format.js';

/** A portfolio row and where the workload was in the input (for an unnamed one's label). */
export type PositionedRow = PortfolioRow & { readonly position: number };

/**
 * `--portfolio`, where the advice is made: a few fields of each workload (about 100 bytes),
 * sent to the main thread as they are, which sums them and prints each as it comes.
 */
export const portfolioProjection: Projection<PositionedRow, PositionedRow[]> = {
  project: (advice, _options, position) => ({
    ...portfolioRowOf(advice.answers, advice.recommendation),
    position,
  }),
  pack: (rows) => rows,
};

/** A row as CONTRACT section 5 shows it in `workloads`: `workloadName` only where given. */
export function contractRow({
  workloadName,
  workload,
  monthlySpendUsd,
  chip,
  vendor,
}: PortfolioRow) {
  return {
    ...(workloadName === undefined ? {} : { workloadName }),
    workload,
    monthlySpendUsd,
    chip,
    vendor,
  };
}
