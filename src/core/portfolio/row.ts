import type { Answers, Workload } from '../answers.js';

/** A vendor as the chips name it (`aws`, `nvidia`); a stored record may name one no longer known. */
export type Vendor = string;

/**
 * Where a workload's answers place it in the article's hybrid strategy ("finance leader
 * Decision Guide"): `standardized` is cost-weighed work on standard frameworks on AWS alone,
 * the kind the article gives to AWS silicon; `demanding` needs performance first, custom CUDA,
 * complex reasoning or more than one cloud, the kind it gives to NVIDIA.
 */
export type HybridProfile = 'standardized' | 'demanding';

/** One workload of a portfolio: what the summaries show of it, and its profile. */
export interface PortfolioRow {
  /** Omitted when the answers had none. */
  readonly workloadName?: string;
  readonly workload: Workload;
  readonly monthlySpendUsd: number;
  readonly chip: string;
  readonly vendor: Vendor;
  readonly profile: HybridProfile;
}

/** The answers a row is made from: a workload's own, or a stored decision's. */
export type RowAnswers = Pick<
  Answers,
  | 'workloadName'
  | 'workload'
  | 'monthlySpendUsd'
  | 'priority'
  | 'cloudStrategy'
  | 'needsCustomCuda'
  | 'inferenceProfile'
>;

/** A portfolio row from a workload's answers and the chip recommended for them. */
export function portfolioRowOf(
  answers: RowAnswers,
  recommendation: { readonly chip: string; readonly vendor: Vendor },
): PortfolioRow {
  return {
    ...(answers.workloadName === undefined ? {} : { workloadName: answers.workloadName }),
    workload: answers.workload,
    monthlySpendUsd: answers.monthlySpendUsd,
    chip: recommendation.chip,
    vendor: recommendation.vendor,
    profile: profileOf(answers),
  };
}

/**
 * The article's "Choose NVIDIA If" list, read from the answers: maximum performance, novel
 * architectures (custom CUDA), multi-cloud or hybrid optionality; and its framework table's
 * "Complex reasoning inference" row.
 */
export function profileOf(answers: RowAnswers): HybridProfile {
  const demanding =
    answers.priority === 'performance' ||
    answers.needsCustomCuda ||
    answers.cloudStrategy !== 'aws-only' ||
    answers.inferenceProfile === 'complex-reasoning';
  return demanding ? 'demanding' : 'standardized';
}
