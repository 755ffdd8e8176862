import type { AnswerField, Answers } from './answers.js';
import type { Level } from './ruleset/schema.js';

/**
 * The explained recommendation for one workload. The first four fields are the
 * recommendation object of the README (section "The advisor without Slack");
 * the rest is explanation. Plain data: it serializes to JSON as it is.
 */
export interface Advice {
  readonly recommendation: Recommendation;
  readonly ranking: readonly RankedChip[];
  readonly rationale: readonly RationaleEntry[];
  readonly nextSteps: readonly string[];
  readonly counterfactuals: readonly Counterfactual[];
  readonly assessments: readonly Assessment[];
  readonly cost: CostView | null;
  readonly answers: Answers;
}

export interface ChipRef {
  readonly chip: string;
  readonly vendor: 'aws' | 'nvidia';
  readonly label: string;
}

export interface Recommendation extends ChipRef {
  /** One line: why this chip, from the rules that decided it. */
  readonly reason: string;
  /** What the chip is, from chips.json. */
  readonly summary: string;
}

export interface RankedChip extends ChipRef {
  readonly score: number;
  readonly points: number;
  readonly eligible: boolean;
  /** Ids of the constraints that rule the chip out (empty when eligible). */
  readonly ruledOutBy: readonly string[];
  /** Why this chip was not chosen; absent for the recommendation. */
  readonly whyNot?: string;
}

/** How a fired rule bore on the answer. */
export type RationaleRole =
  | 'narrows' // a constraint that rules chips out
  | 'supports' // a preference for the recommendation (or against its rivals)
  | 'outweighed' // a preference for an allowed rival that lost on points
  | 'moot' // a preference that only touched ruled-out chips
  | 'overridden'; // a constraint set aside by a higher-priority one

export interface ConditionTrace {
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  /** The answer the condition looked at (absent when not given). */
  readonly factValue?: unknown;
  readonly result: boolean;
  /** False when json-rules-engine short-circuited it; `result` is then computed separately. */
  readonly evaluated: boolean;
  /** The condition in words, e.g. "Monthly spend: above $10,000". */
  readonly text: string;
}

export interface RationaleEntry {
  readonly ruleId: string;
  readonly text: string;
  readonly source: string;
  readonly seeAlso?: readonly string[];
  readonly role: RationaleRole;
  readonly priority: number;
  /** The rule's effect in words, e.g. "+2 points for AWS Inferentia" or "allows only NVIDIA Blackwell/Rubin". */
  readonly effect: string;
  readonly conditions: readonly ConditionTrace[];
}

export interface Change {
  readonly field: AnswerField;
  readonly from: unknown;
  readonly to: unknown;
  /** e.g. "monthly spend were above $10,000". */
  readonly phrase: string;
}

export interface Counterfactual extends ChipRef {
  readonly changes: readonly Change[];
  /** "If monthly spend were above $10,000 (now $5,000), AWS Trainium would be recommended ..." */
  readonly text: string;
}

export interface LevelWithReasons {
  readonly level: Level;
  readonly reasons: readonly string[];
}

export interface Assessment extends ChipRef {
  readonly migration: LevelWithReasons;
  readonly risk: LevelWithReasons;
}

export interface CostView extends ChipRef {
  readonly estimate: true;
  /** `recommended`: the saving of the advice; `alternative`: the saving of a chip not chosen. */
  readonly status: 'recommended' | 'alternative';
  readonly monthlySpendUsd: number;
  readonly reductionVsGpu: number;
  readonly estimatedMonthlySavingsUsd: number;
  readonly estimatedAnnualSavingsUsd: number;
  readonly text: string;
  /** The article heading of the cost claim the figures apply. */
  readonly source: string;
  /** The heading the note's own reasoning comes from, when it is another one. */
  readonly seeAlso?: readonly string[];
  /** The cost rule (rules/*.json) whose conditions made this note show. */
  readonly ruleId: string;
}
