import type { Advice, RankedChip } from '../../core/index.js';
import { scoreBar } from '../../core/index.js';
import { encodeAnswers } from '../messages/button-values.js';
import { ActionId } from '../messages/ids.js';
import type { MessagePayload } from '../messages/kit.js';
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  type KnownBlock,
  section,
} from '../messages/kit.js';
import { capBlocks, LIMITS, truncate } from '../messages/limits.js';
import { costBlocks, titled } from '../messages/reasoning-sections.js';

export interface WhatIfInput {
  /** The condition in words: "monthly spend were at most $10,000". */
  readonly condition: string;
  readonly before: Advice;
  readonly after: Advice;
  readonly userId: string;
}

function scoreText(chip: RankedChip | undefined): string {
  if (!chip) return 'not ranked';
  return chip.eligible ? chip.score.toFixed(2) : 'ruled out';
}

function scoreLines(before: Advice, after: Advice): string[] {
  return after.ranking.map((chip) => {
    const was = before.ranking.find((candidate) => candidate.chip === chip.chip);
    // A ruled-out chip scores 0: an empty bar.
    return `\`${scoreBar(chip.score)}\` ${scoreText(chip)} (was ${scoreText(was)})  ${escapeMrkdwn(chip.label)}`;
  });
}

/** Rules that fire only in `a`, by id, as bullet lines. */
function onlyIn(a: Advice, b: Advice): string[] {
  const inB = new Set(b.rationale.map((entry) => entry.ruleId));
  return a.rationale
    .filter((entry) => !inB.has(entry.ruleId))
    .map((entry) => `• ${escapeMrkdwn(entry.text)} _(${escapeMrkdwn(entry.effect)})_`);
}

/**
 * The answer to a "What if…" button, posted in the thread: the new recommendation, how every
 * chip's score moved, which rules start or stop applying, and a button to take these answers
 * into the questionnaire. `useValue` replaces that button's value (the answers alone) when the
 * reply is sent where Slack will not say which thread it is about (an ephemeral message).
 */
export function whatIfMessage(
  { condition, before, after, userId }: WhatIfInput,
  useValue?: string,
): MessagePayload {
  const changed = after.recommendation.chip !== before.recommendation.chip;
  const verdict = changed
    ? `*${escapeMrkdwn(after.recommendation.label)}* would be recommended instead of ${escapeMrkdwn(before.recommendation.label)}.`
    : `*${escapeMrkdwn(after.recommendation.label)}* would still be recommended.`;
  const blocks: KnownBlock[] = [
    section(
      `:thinking_face: *What if ${escapeMrkdwn(condition)}?*\n${verdict}\n${escapeMrkdwn(after.recommendation.reason)}`,
    ),
    ...titled('How the scores move', scoreLines(before, after)),
    ...titled('Now applies', onlyIn(after, before)),
    ...titled('No longer applies', onlyIn(before, after)),
    ...costBlocks(after),
    context(`Asked by <@${userId}>. Nothing else changed in the answers.`),
    actions([
      button({
        text: 'Use these answers',
        actionId: ActionId.changeAnswers,
        value: useValue ?? encodeAnswers(after.answers),
      }),
    ]),
  ];
  return {
    text: truncate(
      escapeMrkdwn(
        `What if ${condition}? ${changed ? `${after.recommendation.label} would be recommended instead of ${before.recommendation.label}.` : `${after.recommendation.label} would still be recommended.`}`,
      ),
      LIMITS.fallbackText,
    ),
    blocks: capBlocks(blocks, LIMITS.messageBlocks, (omitted) =>
      context(`${omitted} more blocks did not fit in one message.`),
    ),
  };
}
