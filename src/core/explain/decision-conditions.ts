import type { Answers } from '../answers.js';
import { changeTo } from '../evaluate/changes.js';
import type { Decision } from '../evaluate/decide.js';
import type { WhatIf } from '../evaluate/what-if.js';
import type { DecisionCondition } from '../ruleset/schema.js';

/** What a rule's `when` is checked against: one evaluated workload. */
export interface DecisionContext {
  readonly answers: Answers;
  readonly decision: Decision;
  readonly whatIf: WhatIf;
}

/**
 * Whether a next step, assessment or cost note's `when` holds for this decision (see
 * rules/README.md, "Explanations that must be true"). No `when` always holds.
 */
export function holds(when: DecisionCondition | undefined, context: DecisionContext): boolean {
  if (!when) return true;
  const { answers, decision, whatIf } = context;
  const winner = decision.ranking[0]?.chip.id ?? '';
  if (when.recommended && !when.recommended.includes(winner)) return false;
  if (
    when.realOption &&
    !decision.ranking.some(
      (standing) => when.realOption?.includes(standing.chip.id) && whatIf.isRealOption(standing),
    )
  ) {
    return false;
  }
  if (when.changeLeadsTo) {
    const change = changeTo(when.changeLeadsTo.change, answers);
    if (!change || !when.changeLeadsTo.recommends.includes(whatIf.recommendedWith([change]))) {
      return false;
    }
  }
  return true;
}
