import type { Answers } from '../../core/index.js';
import { encodeAnswers } from '../messages/button-values.js';
import { ActionId, COMMAND } from '../messages/ids.js';
import type { MessagePayload } from '../messages/kit.js';
import { actions, button, section } from '../messages/kit.js';

/**
 * What a person is told when their advice could not be posted where they asked. Short, naming
 * the fix, and never losing what they entered: the answers travel on the buttons.
 */

/** The bot's mention in instructions; Slack resolves `@chip-advice` when typed in the channel. */
const INVITE = '`/invite @chip-advice`';

/**
 * Sent by direct message when the advice could not be posted in the channel it was asked in,
 * before the advice itself. `channel` is a Slack id, shown as a channel link.
 * @see https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */
export function channelFallbackNote(channel: string, slackError: string): MessagePayload {
  const [why, fix] = FALLBACK_REASONS[slackError] ?? UNSEEN;
  const text = `I could not post your chip advice in <#${channel}>: ${why}. Here it is instead. ${fix}`;
  return { text, blocks: [section(text)] };
}

const INVITE_FIX = `To get answers in that channel, type ${INVITE} there, then run ${COMMAND} again.`;
const ELSEWHERE_FIX = `To share it, run ${COMMAND} in a channel where people can post.`;

const UNSEEN = ['I cannot see it (it may be private, or I was removed)', INVITE_FIX] as const;

/** Why the bot cannot post in a channel, and what the person can do, by Slack's error code. */
const FALLBACK_REASONS: Record<string, readonly [string, string]> = {
  not_in_channel: ['I am not a member of it', INVITE_FIX],
  channel_not_found: UNSEEN,
  is_archived: ['it is archived', ELSEWHERE_FIX],
  restricted_action: ['only some members may post there', ELSEWHERE_FIX],
  restricted_action_read_only_channel: ['it is read-only', ELSEWHERE_FIX],
  restricted_action_thread_only_channel: ['it takes replies in threads only', ELSEWHERE_FIX],
};

/**
 * Sent when Slack refused the message the app built (`invalid_blocks`, `msg_blocks_too_long`):
 * a bug of ours, logged as an error. No "Post again", which would be refused the same way; the
 * answers stay on "Change answers".
 */
export function messageRefusedNotice(answers: Answers): MessagePayload {
  const text = `Sorry, I could not post your chip advice: Slack refused the message I built. That is a bug on my side, and it is logged for the app's maintainers. Your answers are kept: “Change answers” reopens the questionnaire with them.`;
  return {
    text,
    blocks: [
      section(`:warning: ${text}`),
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

/**
 * Sent when the advice could not be posted at all (Slack did not answer in time, or kept
 * failing): the answers are kept on "Post again", which tries the same delivery again, and on
 * "Change answers", which reopens the questionnaire pre-filled.
 */
export function notDeliveredNotice(
  retryValue: string,
  { summaryPosted = false, unconfirmed = false } = {},
): MessagePayload {
  const part = summaryPosted ? 'its reasoning' : 'your chip advice';
  const text = unconfirmed
    ? `Slack did not confirm that it posted ${part}: it may be there, or not. Look in the channel first; if it is missing, press “Post again”. Your answers are kept, and “Change answers” adjusts them.`
    : summaryPosted
      ? `Your chip advice summary is posted, but Slack did not take its reasoning just now. Your answers are kept: press “Post again” to add the reasoning to the summary’s thread, or “Change answers” to adjust them.`
      : `Slack did not take your chip advice just now, so it is not posted yet. Your answers are kept: press “Post again” to retry, or “Change answers” to adjust them first.`;
  return {
    text,
    blocks: [
      section(`:warning: ${text}`),
      actions([
        button({
          text: 'Post again',
          actionId: ActionId.retryPost,
          value: retryValue,
          style: 'primary',
        }),
        // The same value as "Post again": the notice is ephemeral, and Slack sends a click on
        // an ephemeral message without the message, so the thread it is about travels here.
        button({ text: 'Change answers', actionId: ActionId.changeAnswers, value: retryValue }),
      ]),
    ],
  };
}
