import {
  type Advice,
  CONDITION_LABELS,
  describeValue,
  describeWorkload,
  RANKING_LEGEND,
  ROLE_LABELS,
  scoreBar,
} from '../core/index.js';

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ['', title, ...lines];
}

/** The advice as readable text for a person at a terminal. */
export function renderText(advice: Advice): string {
  const { recommendation, answers } = advice;
  const width = Math.max(...advice.ranking.map((chip) => chip.label.length));
  const ranking = advice.ranking.map((chip, i) => {
    const points = `${chip.points > 0 ? '+' : ''}${chip.points}`.padStart(3);
    const standing = chip.eligible
      ? `${scoreBar(chip.score)} ${chip.score.toFixed(2)}  ${points} pts`
      : 'ruled out';
    const line = `  ${i + 1}. ${chip.label.padEnd(width)}  ${standing}`;
    return chip.whyNot ? `${line}\n       ${chip.whyNot}` : line;
  });
  const rationale = advice.rationale.map((entry) => {
    const conditions = entry.conditions
      .map((c) => {
        const mark = c.result ? '✓' : '✗';
        const plainMatch = c.result && (c.operator === 'equal' || c.operator === 'in');
        const notes = [
          ...(plainMatch ? [] : [`you answered ${describeValue(c.fact as never, c.factValue)}`]),
          ...(c.evaluated ? [] : [CONDITION_LABELS.notNeeded]),
        ];
        return `       ${mark} ${c.text}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
      })
      .join('\n');
    return `  • [${ROLE_LABELS[entry.role]}] ${entry.text}\n       ${entry.effect}. Source: "${entry.source}" (rule ${entry.ruleId})\n${conditions}`;
  });
  const eligible = new Set(advice.ranking.filter((chip) => chip.eligible).map((chip) => chip.chip));
  const risks = advice.assessments
    .filter((a) => eligible.has(a.chip))
    .map(
      (a) =>
        `  ${a.label.padEnd(width)}  migration ${a.migration.level.padEnd(6)} risk ${a.risk.level}\n` +
        [
          ...a.migration.reasons.map((r) => `       migration: ${r}`),
          ...a.risk.reasons.map((r) => `       risk: ${r}`),
        ].join('\n'),
    );
  return [
    `Workload: ${describeWorkload(answers)}`,
    `Recommendation: ${recommendation.label}`,
    `  ${recommendation.reason}`,
    `  ${recommendation.summary}`,
    ...section('Ranking', [...ranking, `  ${RANKING_LEGEND}`]),
    ...section('Why (rules that fired)', rationale),
    ...section(
      'What would change the answer',
      advice.counterfactuals.map((c) => `  • ${c.text}`),
    ),
    ...section('Risk and migration effort', risks),
    ...section(
      'Cost estimate',
      advice.cost ? [`  ${advice.cost.text}`, `  Source: "${advice.cost.source}"`] : [],
    ),
    ...section(
      'Next steps',
      advice.nextSteps.map((step, i) => `  ${i + 1}. ${step}`),
    ),
    '',
  ].join('\n');
}
