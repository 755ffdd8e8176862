import { type Advice, describeWorkload } from '../../../core/index.js';
import { explainSections } from './explain.js';
import { hanging, MIN_WIDTH, section, wrap } from './layout.js';

export interface TextOptions {
  /** Columns to wrap to. */
  readonly width: number;
  /** Add the ranking, the rule trace and every option's risk. */
  readonly explain: boolean;
}

/** The last line without --explain. */
export const MORE = "More with --explain: the ranking, every rule that fired, each option's risk.";

/** "What would change the answer" items shown without --explain. */
const CHANGES_SHOWN = 3;

/**
 * The advice as a person at a terminal reads it, in the order a busy reader needs it: the
 * chip and why, what it is, the cost view, what would change the answer and the next steps
 * (about 30 lines). `--explain` adds the ranking of every chip, every rule that fired with
 * its conditions, and the risk and migration effort of each option.
 */
export function renderAdvice(advice: Advice, options: TextOptions): string {
  const width = Math.max(MIN_WIDTH, options.width);
  const { recommendation, cost, counterfactuals, nextSteps } = advice;
  const changes = options.explain ? counterfactuals : counterfactuals.slice(0, CHANGES_SHOWN);
  const hidden = counterfactuals.length - changes.length;
  return [
    ...hanging('Recommendation: ', `${recommendation.label}`, width),
    ...hanging('For: ', describeWorkload(advice.answers), width),
    ...hanging('Why: ', recommendation.reason, width),
    ...hanging('What it is: ', recommendation.summary, width),
    ...section('Cost estimate', cost ? costLines(cost, width) : []),
    ...section('What would change the answer', [
      ...changes.flatMap((change) => hanging('  • ', change.text, width)),
      ...(hidden > 0 ? [`  (${hidden} more with --explain)`] : []),
    ]),
    ...section(
      'Next steps',
      nextSteps.flatMap((step, i) => hanging(`  ${i + 1}. `, step, width)),
    ),
    ...(options.explain ? explainSections(advice, width) : ['', ...wrap(MORE, width)]),
    '',
  ].join('\n');
}

function costLines(cost: NonNullable<Advice['cost']>, width: number): string[] {
  return [...hanging('  ', cost.text, width), ...hanging('  ', `Source: "${cost.source}"`, width)];
}
