import { type LoadedRule, type Ruleset, requiredChips } from '../ruleset/ruleset.js';
import type { Chip } from '../ruleset/schema.js';

/** Where one chip stands after the rules have spoken. */
export interface Standing {
  readonly chip: Chip;
  /** Sum of the points that fired preferences give this chip. */
  readonly points: number;
  /** False when an applied constraint rules the chip out. */
  readonly eligible: boolean;
  /** Applied constraints that do not allow this chip. */
  readonly ruledOutBy: readonly LoadedRule[];
  /** 0..1: a logistic of the points for eligible chips (0.5 = no net signal), 0 when ruled out. */
  readonly score: number;
}

export interface Decision {
  /** Every chip, best first; the first is the recommendation. */
  readonly ranking: readonly Standing[];
  /** Fired constraints that shape the choice. */
  readonly applied: readonly LoadedRule[];
  /** Fired constraints set aside because a higher-priority one left no chip they allow. */
  readonly overridden: readonly LoadedRule[];
}

/** Points per unit of the logistic curve behind `score`: 3 points lifts 0.5 to about 0.73. */
const SCORE_SCALE = 3;

/**
 * The resolution policy of the ruleset, in one place:
 * 1. Constraints apply from the highest priority down; each priority level narrows the chips
 *    still allowed. A level that would leave none is set aside as overridden (the load-time
 *    check guarantees this only happens across levels, never within one).
 * 2. Preferences add up their points per chip.
 * 3. Allowed chips rank above ruled-out ones, then by points, then by chips.json order.
 */
export function decide(ruleset: Ruleset, fired: readonly LoadedRule[]): Decision {
  let allowed = new Set(ruleset.chips.map((chip) => chip.id));
  const applied: LoadedRule[] = [];
  const overridden: LoadedRule[] = [];
  const constraints = fired.filter((rule) => rule.event.type === 'constraint');
  const priorities = [...new Set(constraints.map((rule) => rule.priority))].sort((a, b) => b - a);
  for (const priority of priorities) {
    const level = constraints.filter((rule) => rule.priority === priority);
    const next = new Set(
      [...allowed].filter((id) => level.every((rule) => requiredChips(rule).includes(id))),
    );
    if (next.size === 0) {
      overridden.push(...level);
    } else {
      allowed = next;
      applied.push(...level);
    }
  }

  const points = new Map<string, number>();
  for (const rule of fired) {
    if (rule.event.type !== 'preference') continue;
    for (const [id, value] of Object.entries(rule.event.params.points)) {
      points.set(id, (points.get(id) ?? 0) + value);
    }
  }

  const standings = ruleset.chips.map((chip, order) => {
    const eligible = allowed.has(chip.id);
    const total = points.get(chip.id) ?? 0;
    return {
      order,
      standing: {
        chip,
        points: total,
        eligible,
        ruledOutBy: applied.filter((rule) => !requiredChips(rule).includes(chip.id)),
        score: eligible ? scoreOf(total) : 0,
      },
    };
  });
  standings.sort(
    (a, b) =>
      Number(b.standing.eligible) - Number(a.standing.eligible) ||
      b.standing.points - a.standing.points ||
      a.order - b.order,
  );
  return { ranking: standings.map((entry) => entry.standing), applied, overridden };
}

/** Logistic of the points, clamped to 0.01..0.99 so an allowed chip never reads as 0 or certain. */
function scoreOf(points: number): number {
  const logistic = 1 / (1 + Math.exp(-points / SCORE_SCALE));
  return Math.min(0.99, Math.max(0.01, Math.round(logistic * 100) / 100));
}

/** The recommended chip of a decision. */
export function winnerOf(decision: Decision): Standing {
  const [first] = decision.ranking;
  if (!first) throw new Error('a ruleset always has chips (chips.json requires at least two)');
  return first;
}
