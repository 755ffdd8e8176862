import type { Advice, Change, RankedChip, RationaleEntry } from '../../core/index.js';
import { RANKING_LEGEND, ROLE_LABELS, scoreBar } from '../../core/index.js';
import { encodeWhatIf } from './button-values.js';
import { ActionId } from './ids.js';
import { button, context, escapeMrkdwn, fields, type KnownBlock, section } from './kit.js';
import { packLines } from './limits.js';

/**
 * The parts of the reasoning message, one function per part. Lists are packed into as few
 * section blocks as their text needs, so the block count does not grow with the rule count.
 */

/** The article sections a rule comes from: "Source: “A” (see also “B”)". */
function sourceOf(entry: RationaleEntry): string {
  const seeAlso = entry.seeAlso?.length
    ? ` (see also ${entry.seeAlso.map((heading) => `“${escapeMrkdwn(heading)}”`).join(', ')})`
    : '';
  return `Source: “${escapeMrkdwn(entry.source)}”${seeAlso}`;
}

/** Titled, packed text sections: the title is the first line of the first block; none if no lines. */
export function titled(title: string, lines: readonly string[]): KnownBlock[] {
  return lines.length === 0 ? [] : packLines([`*${title}*`, ...lines]).map((text) => section(text));
}

export function rationaleBlocks(advice: Advice): KnownBlock[] {
  return titled(
    'Why: the rules that decided it',
    advice.rationale.map(
      (entry) =>
        `• *${ROLE_LABELS[entry.role]}:* ${escapeMrkdwn(entry.text)}\n      _${escapeMrkdwn(entry.effect)}_ · ${sourceOf(entry)}`,
    ),
  );
}

function rankLine(chip: RankedChip, index: number): string {
  const bar = chip.eligible
    ? `\`${scoreBar(chip.score)}\` ${chip.score.toFixed(2)}`
    : '`ruled out `';
  const label = index === 0 ? `*${escapeMrkdwn(chip.label)}*` : escapeMrkdwn(chip.label);
  return `${bar}  ${label}${chip.whyNot ? `\n      _${escapeMrkdwn(chip.whyNot)}_` : ''}`;
}

export function rankingBlocks(advice: Advice): KnownBlock[] {
  return [
    ...titled('Every chip, best first', advice.ranking.map(rankLine)),
    context(RANKING_LEGEND),
  ];
}

/** The changes of a counterfactual as a what-if button carries them. */
function changesOf(changes: readonly Change[]): Record<string, unknown> {
  return Object.fromEntries(changes.map((change) => [change.field, change.to]));
}

/** "What would change the answer": each counterfactual with a button that tries it. */
export function counterfactualBlocks(advice: Advice): KnownBlock[] {
  if (advice.counterfactuals.length === 0) {
    return [
      section(
        '*What would change the answer*\nNo small change to these answers would make another chip the recommendation.',
      ),
    ];
  }
  return [
    section('*What would change the answer*'),
    ...advice.counterfactuals.map((counterfactual) =>
      section(
        escapeMrkdwn(counterfactual.text),
        button({
          text: 'What if…',
          actionId: ActionId.whatIf,
          value: encodeWhatIf(advice.answers, changesOf(counterfactual.changes)),
        }),
      ),
    ),
  ];
}

/** Migration effort and risk of every chip still in the running. */
export function assessmentBlocks(advice: Advice): KnownBlock[] {
  const eligible = new Set(advice.ranking.filter((chip) => chip.eligible).map((chip) => chip.chip));
  const assessed = advice.assessments.filter((assessment) => eligible.has(assessment.chip));
  if (assessed.length === 0) return [];
  return [
    section('*Risk and migration effort*'),
    fields(
      assessed.map((assessment) =>
        [
          `*${escapeMrkdwn(assessment.label)}*`,
          `Migration: *${assessment.migration.level}*. ${escapeMrkdwn(assessment.migration.reasons.join(' '))}`,
          `Risk: *${assessment.risk.level}*. ${escapeMrkdwn(assessment.risk.reasons.join(' '))}`,
        ].join('\n'),
      ),
    ),
  ];
}

export function costBlocks(advice: Advice): KnownBlock[] {
  if (!advice.cost) return [];
  return [
    section(`*Cost estimate*\n${escapeMrkdwn(advice.cost.text)}`),
    context(`Source: “${escapeMrkdwn(advice.cost.source)}”`),
  ];
}

export function nextStepBlocks(advice: Advice): KnownBlock[] {
  return titled(
    'Next steps',
    advice.nextSteps.map((step, i) => `${i + 1}. ${escapeMrkdwn(step)}`),
  );
}
