import {
  type Advice,
  CONDITION_LABELS,
  type ConditionTrace,
  describeValue,
  RANKING_LEGEND,
  type RationaleEntry,
  ROLE_LABELS,
  scoreBar,
} from '../../../core/index.js';
import { hanging, section } from './layout.js';

/** What `--explain` adds: the ranking, every rule that fired, each option's risk. */
export function explainSections(advice: Advice, width: number): string[] {
  return [
    ...section('Ranking', [...ranking(advice, width), ...hanging('  ', RANKING_LEGEND, width)]),
    ...section(
      'Why (rules that fired)',
      advice.rationale.flatMap((entry) => rule(entry, width)),
    ),
    ...section('Risk and migration effort', risks(advice, width)),
  ];
}

function ranking(advice: Advice, width: number): string[] {
  const labelWidth = Math.max(...advice.ranking.map((chip) => chip.label.length));
  return advice.ranking.flatMap((chip, i) => {
    const points = `${chip.points > 0 ? '+' : ''}${chip.points}`.padStart(3);
    const standing = chip.eligible
      ? `${scoreBar(chip.score)} ${chip.score.toFixed(2)}  ${points} pts`
      : 'ruled out';
    const row = `  ${i + 1}. ${chip.label.padEnd(labelWidth)}  ${standing}`;
    // On a narrow terminal the score goes under the name instead of past the edge.
    const rows = row.length <= width ? [row] : [`  ${i + 1}. ${chip.label}`, `       ${standing}`];
    return [...rows, ...(chip.whyNot ? hanging('       ', chip.whyNot, width) : [])];
  });
}

function rule(entry: RationaleEntry, width: number): string[] {
  return [
    ...hanging('  • ', `[${ROLE_LABELS[entry.role]}] ${entry.text}`, width),
    ...hanging(
      '      ',
      `${entry.effect}. Source: "${entry.source}" (rule ${entry.ruleId})`,
      width,
    ),
    ...entry.conditions.flatMap((c) =>
      hanging(`      ${c.result ? '✓' : '✗'} `, condition(c), width),
    ),
  ];
}

function condition(c: ConditionTrace): string {
  const plainMatch = c.result && (c.operator === 'equal' || c.operator === 'in');
  const notes = [
    ...(plainMatch ? [] : [`you answered ${describeValue(c.fact as never, c.factValue)}`]),
    ...(c.evaluated ? [] : [CONDITION_LABELS.notNeeded]),
  ];
  return `${c.text}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

function risks(advice: Advice, width: number): string[] {
  const eligible = new Set(advice.ranking.filter((chip) => chip.eligible).map((chip) => chip.chip));
  return advice.assessments
    .filter((a) => eligible.has(a.chip))
    .flatMap((a) => [
      ...hanging('  ', `${a.label}: migration ${a.migration.level}, risk ${a.risk.level}`, width),
      ...a.migration.reasons.flatMap((r) => hanging('      migration: ', r, width)),
      ...a.risk.reasons.flatMap((r) => hanging('      risk: ', r, width)),
    ]);
}
