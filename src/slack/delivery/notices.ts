import type { types } from '@slack/bolt';
import type { Answers } from '../../core/index.js';
import { encodeAnswers } from '../messages/button-values.js';
import { ActionId, CallbackId, COMMAND } from '../messages/ids.js';
import { actions, button, context, escapeMrkdwn, plain, section } from '../messages/kit.js';
import { LIMITS } from '../messages/limits.js';
import type { MessagePayload } from '../messages/summary-message.js';

/**
 * Messages that tell a person something went wrong and what to do next. They are short, name
 * the fix, and never lose what the person entered: the answers travel on the buttons.
 */

/** The bot's mention in instructions; Slack resolves `@chip-advice` when typed in the channel. */
const INVITE = '`/invite @chip-advice`';

/**
 * Sent by direct message when the advice could not be posted in the channel it was asked in,
 * before the advice itself. `channel` is a Slack id, shown as a channel link.
 * @see https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */
export function channelFallbackNote(channel: string, slackError: string): MessagePayload {
  const why =
    slackError === 'not_in_channel'
      ? 'I am not a member of it'
      : 'I cannot see it (it may be private, or I was removed)';
  const text = `I could not post your chip advice in <#${channel}>: ${why}. Here it is instead. To get answers in that channel, type ${INVITE} there, then run ${COMMAND} again.`;
  return { text, blocks: [section(text)] };
}

/**
 * Sent when the advice could not be posted at all (Slack did not answer in time, or kept
 * failing): the answers are kept on "Post again", which tries the same delivery again, and on
 * "Change answers", which reopens the questionnaire pre-filled.
 */
export function notDeliveredNotice(
  answers: Answers,
  retryValue: string,
  { summaryPosted = false } = {},
): MessagePayload {
  const text = summaryPosted
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
        button({
          text: 'Change answers',
          actionId: ActionId.changeAnswers,
          value: encodeAnswers(answers),
        }),
      ]),
    ],
  };
}

/** When the questionnaire could not be opened (most often an expired trigger_id). */
export function notOpenedNotice(slackError: string | undefined): MessagePayload {
  const reason =
    slackError === 'expired_trigger_id'
      ? 'Slack took too long to reach me'
      : slackError
        ? 'Slack refused to open it'
        : 'Slack could not be reached';
  const text = `I could not open the questionnaire (${reason}). Nothing was lost: run ${COMMAND} again, or click the button again.`;
  return {
    text,
    blocks: [
      section(text),
      context(slackError ? `Slack said: ${slackError}` : 'No answer from Slack'),
    ],
  };
}

/** The modal that replaces a form the app cannot take (an old or unknown one). */
export function unknownFormView(): types.ModalView {
  return {
    type: 'modal',
    callback_id: CallbackId.notice,
    title: plain('Chip advice', LIMITS.modalTitle),
    close: plain('Close', LIMITS.modalButton),
    blocks: [
      section(`I could not take this form (it may be out of date). Run ${COMMAND} to start again.`),
    ],
  };
}

/**
 * What to acknowledge a request with when no listener answered it (an unknown callback_id or
 * action, or a listener that failed before answering). Slack shows an error for a request that
 * gets no answer within 3 seconds; these say what to do instead.
 */
export function unansweredResponse(body: Record<string, unknown>): unknown {
  if (body.type === 'view_submission')
    return { response_action: 'update', view: unknownFormView() };
  if (typeof body.command === 'string') {
    return {
      response_type: 'ephemeral',
      text: `Sorry, I could not handle that. Run ${COMMAND} help to see what I can do.`,
    };
  }
  return undefined;
}

/** When a button's value cannot be read (an old or altered message); `problem` says why. */
export function unreadableButtonNotice(problem: string): MessagePayload {
  // The problem can quote the altered value: escaped, so it cannot mention anyone.
  const text = `Sorry, I could not read the answers on that button (${escapeMrkdwn(problem)}). Run ${COMMAND} to start again.`;
  return { text, blocks: [section(text)] };
}
