import type { HybridProfile } from './row.js';

/** Rows counted by vendor side (AWS silicon or not) and profile: `aws:standardized`, ... */
export type ProfileCounts = Map<`${'aws' | 'other'}:${HybridProfile}`, number>;

/** The article heading of the hybrid strategy ("Hybrid Strategy (Recommended)"). */
export const HYBRID_SOURCE = 'finance leader Decision Guide';

/**
 * How a portfolio lines up with the article's hybrid strategy: "Use Trainium/Inferentia for
 * standardized, cost-sensitive workloads; use NVIDIA for performance-critical, multi-cloud
 * workloads". Counted from the answers (see `profileOf`), not assumed from the chip.
 */
export interface Alignment {
  /** Standardized, cost-weighed work on AWS silicon: as the strategy says. */
  readonly costSensitiveOnAws: number;
  /** Performance-first, custom-CUDA, complex-reasoning or multi-cloud work on NVIDIA: as it says. */
  readonly demandingOnNvidia: number;
  /** Standardized work kept on NVIDIA (spend, frameworks or lock-in did not make the case for AWS). */
  readonly standardizedOnNvidia: number;
  /** Demanding work recommended AWS silicon anyway (only a changed rule set can do this). */
  readonly demandingOnAws: number;
  /** One or two sentences. */
  readonly text: string;
  readonly source: typeof HYBRID_SOURCE;
}

/** "3 cost-sensitive workloads". */
const workloads = (n: number, kind: string) =>
  `${n.toLocaleString('en-US')} ${kind} workload${n === 1 ? '' : 's'}`;

/** The alignment of rows counted by {@link ProfileCounts}. */
export function alignmentOf(counts: ProfileCounts): Alignment {
  const counted = {
    costSensitiveOnAws: counts.get('aws:standardized') ?? 0,
    demandingOnNvidia: counts.get('other:demanding') ?? 0,
    standardizedOnNvidia: counts.get('other:standardized') ?? 0,
    demandingOnAws: counts.get('aws:demanding') ?? 0,
  };
  return { ...counted, text: textOf(counted), source: HYBRID_SOURCE };
}

function textOf(c: Omit<Alignment, 'text' | 'source'>): string {
  const aws = c.costSensitiveOnAws + c.demandingOnAws;
  const nvidia = c.demandingOnNvidia + c.standardizedOnNvidia;
  if (aws + nvidia === 0) return 'No workloads yet.';
  const parts = [
    c.costSensitiveOnAws > 0 &&
      `${workloads(c.costSensitiveOnAws, 'cost-sensitive')} on AWS silicon`,
    c.demandingOnNvidia > 0 &&
      `${workloads(c.demandingOnNvidia, 'performance-critical or multi-cloud')} on NVIDIA`,
    c.standardizedOnNvidia > 0 &&
      `${workloads(c.standardizedOnNvidia, 'other')} on NVIDIA for flexibility, where spend, frameworks or lock-in do not make the case for AWS silicon`,
    c.demandingOnAws > 0 &&
      `${workloads(c.demandingOnAws, 'performance-critical or multi-cloud')} on AWS silicon all the same`,
  ].filter((part): part is string => typeof part === 'string');
  const list = `${parts.slice(0, -1).join(', ')}${parts.length > 1 ? ' and ' : ''}${parts.at(-1)}.`;
  const lead = list.charAt(0).toUpperCase() + list.slice(1);
  if (c.demandingOnAws > 0) {
    return `${lead} The article's hybrid strategy keeps performance-critical and multi-cloud work on NVIDIA.`;
  }
  if (aws > 0 && nvidia > 0) return `${lead} This is the article's hybrid strategy.`;
  if (aws > 0) {
    return `${lead} The article's hybrid strategy would keep performance-critical or multi-cloud work on NVIDIA; there is none here.`;
  }
  return `${lead} The article's hybrid strategy puts standardized, cost-sensitive work on AWS silicon; none of these makes that case under the rules.`;
}
