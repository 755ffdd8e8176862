import type { ConditionTrace, RationaleEntry, RationaleRole } from '../advice.js';
import type { AnswerField } from '../answers.js';
import type { Decision } from '../evaluate/decide.js';
import type { EngineCondition } from '../evaluate/run-engine.js';
import { describeValue, joinWords } from '../format.js';
import { questionFor } from '../questions.js';
import { type Facts, testLeaf } from '../ruleset/compile.js';
import type { LoadedRule, Ruleset } from '../ruleset/ruleset.js';
import type { Condition, LeafCondition } from '../ruleset/schema.js';

const OPERATOR_WORDS: Record<string, string> = {
  equal: '',
  notEqual: 'not ',
  in: 'one of ',
  notIn: 'none of ',
  contains: 'includes ',
  doesNotContain: 'excludes ',
  lessThan: 'below ',
  lessThanInclusive: 'at most ',
  greaterThan: 'above ',
  greaterThanInclusive: 'at least ',
};

/** "Monthly spend: above $10,000", "Frameworks: excludes TensorFlow", "Workload type: Training". */
function conditionText(leaf: LeafCondition): string {
  const field = leaf.fact as AnswerField;
  const question = questionFor(field);
  const expected = Array.isArray(leaf.value)
    ? joinWords(
        leaf.value.map((value) => describeValue(field, value)),
        'or',
      )
    : question.kind === 'multi'
      ? describeValue(field, [leaf.value])
      : describeValue(field, leaf.value);
  return `${question.short}: ${OPERATOR_WORDS[leaf.operator]}${expected}`;
}

/**
 * Flattens a rule's conditions with their outcomes. Leaves the engine short-circuited carry
 * no `result` in its report; they are kept, marked `evaluated: false`, with the value they
 * would have had, so nothing the rule says is silently dropped.
 */
export function traceConditions(
  condition: Condition,
  engine: EngineCondition | undefined,
  facts: Facts,
): ConditionTrace[] {
  if ('fact' in condition) {
    const evaluated = typeof engine?.result === 'boolean';
    const factValue = facts[condition.fact];
    return [
      {
        fact: condition.fact,
        operator: condition.operator,
        value: condition.value,
        ...(factValue === undefined ? {} : { factValue }),
        result: evaluated ? (engine?.result as boolean) : testLeaf(condition, facts),
        evaluated,
        text: conditionText(condition),
      },
    ];
  }
  if ('all' in condition)
    return condition.all.flatMap((c, i) => traceConditions(c, engine?.all?.[i], facts));
  if ('any' in condition)
    return condition.any.flatMap((c, i) => traceConditions(c, engine?.any?.[i], facts));
  return traceConditions(condition.not, engine?.not, facts);
}

function chipLabel(ruleset: Ruleset, id: string): string {
  return ruleset.chips.find((chip) => chip.id === id)?.label ?? id;
}

export function effectText(ruleset: Ruleset, rule: LoadedRule): string {
  const event = rule.event;
  if (event.type === 'constraint') {
    return `allows only ${joinWords(
      event.params.require.map((id) => chipLabel(ruleset, id)),
      'or',
    )}`;
  }
  if (event.type === 'preference') {
    return Object.entries(event.params.points)
      .map(
        ([id, points]) =>
          `${points > 0 ? '+' : '−'}${Math.abs(points)} ${Math.abs(points) === 1 ? 'point' : 'points'} for ${chipLabel(ruleset, id)}`,
      )
      .join(', ');
  }
  return event.type;
}

/** How a fired rule bore on the decision (see {@link RationaleRole}). */
export function roleOf(rule: LoadedRule, decision: Decision): RationaleRole {
  if (decision.overridden.includes(rule)) return 'overridden';
  if (rule.event.type === 'constraint') return 'narrows';
  const [winner] = decision.ranking;
  const points = rule.event.type === 'preference' ? Object.entries(rule.event.params.points) : [];
  const eligible = new Set(decision.ranking.filter((s) => s.eligible).map((s) => s.chip.id));
  const relevant = points.filter(([id]) => eligible.has(id));
  if (relevant.length === 0) return 'moot';
  const helps = relevant.some(([id, value]) => (id === winner?.chip.id ? value > 0 : value < 0));
  return helps ? 'supports' : 'outweighed';
}

const ROLE_ORDER: readonly RationaleRole[] = [
  'narrows',
  'supports',
  'outweighed',
  'moot',
  'overridden',
];

/** Every fired constraint and preference, with its role, effect and condition trace. */
export function buildRationale(
  ruleset: Ruleset,
  fired: readonly LoadedRule[],
  decision: Decision,
  traces: ReadonlyMap<string, EngineCondition>,
  facts: Facts,
): RationaleEntry[] {
  const entries = fired
    .filter((rule) => rule.event.type === 'constraint' || rule.event.type === 'preference')
    .map((rule) => {
      const params = rule.event.params as { text: string; source: string; seeAlso?: string[] };
      return {
        ruleId: rule.name,
        text: params.text,
        source: params.source,
        ...(params.seeAlso ? { seeAlso: params.seeAlso } : {}),
        role: roleOf(rule, decision),
        priority: rule.priority,
        effect: effectText(ruleset, rule),
        conditions: traceConditions(rule.conditions, traces.get(rule.name), facts),
      };
    });
  entries.sort(
    (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || b.priority - a.priority,
  );
  if (entries.length > 0) return entries;
  const first = ruleset.chips[0];
  return [
    {
      ruleId: 'default-order',
      text: 'No rule matched these answers, so the chips keep the order the ruleset lists them in.',
      source: first?.source ?? ruleset.article.sections[0]?.heading ?? '',
      role: 'supports',
      priority: 0,
      effect: `keeps ${first?.label ?? 'the first chip'} first`,
      conditions: [],
    },
  ];
}
