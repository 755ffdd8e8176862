import type { Assessment, LevelWithReasons } from '../advice.js';
import type { Decision } from '../evaluate/decide.js';
import type { LoadedRule } from '../ruleset/ruleset.js';
import { LEVELS, type Level } from '../ruleset/schema.js';

const rank = (level: Level): number => LEVELS.indexOf(level);

/**
 * Migration effort and risk for every chip, in ranking order. Fired assessment rules set the
 * level (the highest wins, all reasons kept, highest first); without one, chips.json's baseline
 * applies.
 */
export function buildAssessments(decision: Decision, fired: readonly LoadedRule[]): Assessment[] {
  return decision.ranking.map(({ chip }) => {
    const aspect = (name: 'migration' | 'risk'): LevelWithReasons => {
      const found = fired.flatMap((rule) =>
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
