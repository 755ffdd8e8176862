import { type Advice, describeWorkload, scoreBar } from '../../core/index.js';
import { encodeAnswers } from './button-values.js';
import { ActionId } from './ids.js';
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  escapeUserText,
  type MessagePayload,
  section,
} from './kit.js';
import { LIMITS, truncate } from './limits.js';

/**
 * The message posted where the questionnaire was started: who asked, about which workload, the
 * recommended chip and why in one line. The full reasoning goes in its thread. "Change answers"
 * carries the answers, so the message alone is enough to reopen the modal pre-filled.
 * @see https://docs.slack.dev/reference/methods/chat.postMessage
 */
export function summaryMessage(advice: Advice, userId: string): MessagePayload {
  const { recommendation, answers } = advice;
  // The workload name is the person's own text: it must not format the message around it.
  const workload = escapeUserText(describeWorkload(answers));
  const top = advice.ranking[0];
  return {
    text: truncate(
      `${escapeMrkdwn(recommendation.label)} is recommended for ${workload} (asked by <@${userId}>).`,
      LIMITS.fallbackText,
    ),
    blocks: [
      section(`<@${userId}> asked which accelerator fits *${workload}*.`),
      section(
        `:dart: *Recommendation: ${escapeMrkdwn(recommendation.label)}*\n${escapeMrkdwn(recommendation.reason)}`,
      ),
      context(
        ...(top ? [`\`${scoreBar(top.score)}\` ${top.score.toFixed(2)}`] : []),
        'The reasons, the alternatives and what would change the answer are in the thread.',
      ),
      actions([
        button({
          text: 'Change answers',
          actionId: ActionId.changeAnswers,
          value: encodeAnswers(answers),
        }),
      ]),
    ],
  };
}
