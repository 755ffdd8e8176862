import type { LoadedRule } from '../ruleset/ruleset.js';

/**
 * Next steps from fired next-step rules that apply to the recommended chip: steps specific to
 * the chip first, then general ones, each in ruleset order.
 */
export function buildNextSteps(fired: readonly LoadedRule[], recommended: string): string[] {
  const steps = fired.flatMap((rule) => {
    if (rule.event.type !== 'next-step') return [];
    const { forChips, text } = rule.event.params;
    if (forChips && !forChips.includes(recommended)) return [];
    return [{ text, specific: forChips !== undefined }];
  });
  return [...steps.filter((s) => s.specific), ...steps.filter((s) => !s.specific)].map(
    (s) => s.text,
  );
}
