import type { Ruleset } from '../ruleset/ruleset.js';
import type { Vendor } from './row.js';

/** What a portfolio needs of a chip (chips.json): plain data, so a worker thread can send it. */
export interface PortfolioChip {
  readonly id: string;
  readonly vendor: Vendor;
  readonly label: string;
  /** The article's cost claim for the chip, when it makes one. */
  readonly cost?: {
    readonly reductionVsGpu: number;
    readonly claim: string;
    /** The article heading the claim comes from. */
    readonly source: string;
  };
}

/** The vendors every portfolio lists, with nothing where none is recommended. */
export const VENDORS = ['aws', 'nvidia'] as const;

/** The chips of a ruleset, in chips.json's order, as a portfolio lists them. */
export function portfolioChips(ruleset: Pick<Ruleset, 'chips'>): PortfolioChip[] {
  return ruleset.chips.map((chip) => ({
    id: chip.id,
    vendor: chip.vendor,
    label: chip.label,
    ...(chip.cost
      ? {
          cost: {
            reductionVsGpu: chip.cost.reductionVsGpu,
            claim: chip.cost.claim,
            source: chip.cost.source,
          },
        }
      : {}),
  }));
}
