import type { Assessment, LevelWithReasons } from '../advice.js';
import type { LoadedRule } from '../ruleset/ruleset.js';
import { LEVELS, type Level } from '../ruleset/schema.js';
import { type DecisionContext, holds } from './decision-conditions.js';

const rank = (level: Level): number => LEVELS.indexOf(level);

/**
 * Migration effort and risk for every chip that is a real option for this work, in ranking
 * order: none for a chip that cannot do it (Inferentia for training, say). Fired assessment rules
 * whose `when` holds set the level (the highest wins, all reasons kept, highest first); without
 * one, chips.json's baseline applies.
 */
export function buildAssessments(
  fired: readonly LoadedRule[],
  context: DecisionContext,
): Assessment[] {
  const { decision, whatIf } = context;
  const applying = fired.filter(
    (rule) => rule.event.type === 'assessment' && holds(rule.event.params.when, context),
  );
  return decision.ranking.filter(whatIf.isRealOption).map(({ chip }) => {
    const aspect = (name: 'migration' | 'risk'): LevelWithReasons => {
      const found = applying.flatMap((rule) =>
        rule.event.type === 'assessment' &&
        rule.event.params.aspect === name &&
        rule.event.params.chips.includes(chip.id)
          ? [{ level: rule.event.params.level, reason: rule.event.params.text }]
          : [],
      );
      if (found.length === 0) return { level: chip[name].level, reasons: [chip[name].reason] };
      found.sort((a, b) => rank(b.level) - rank(a.level));
      return {
        level: (found[0] as (typeof found)[number]).level,
        reasons: found.map((f) => f.reason),
      };
    };
    return {
      chip: chip.id,
      vendor: chip.vendor,
      label: chip.label,
      migration: aspect('migration'),
      risk: aspect('risk'),
    };
  });
}
