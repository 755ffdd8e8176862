import type { LoadedRule } from '../ruleset/ruleset.js';
import { type DecisionContext, holds } from './decision-conditions.js';

/**
 * Next steps from fired next-step rules whose `when` holds for this decision: steps for the
 * recommended chip first, then general ones, each in ruleset order.
 */
export function buildNextSteps(fired: readonly LoadedRule[], context: DecisionContext): string[] {
  const steps = fired.flatMap((rule) => {
    if (rule.event.type !== 'next-step') return [];
    const { when, text } = rule.event.params;
    if (!holds(when, context)) return [];
    return [{ text, specific: when?.recommended !== undefined }];
  });
  return [...steps.filter((s) => s.specific), ...steps.filter((s) => !s.specific)].map(
    (s) => s.text,
  );
}
