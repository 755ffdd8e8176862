import type { types } from '@slack/bolt';
import { CallbackId, COMMAND } from './ids.js';
import { context, escapeMrkdwn, type MessagePayload, plain, section } from './kit.js';
import { LIMITS } from './limits.js';

/**
 * Messages that tell a person a request could not be handled and what to do next (the notices
 * about posting advice are delivery's, in delivery/notices.ts). Short, and naming the fix.
 */

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
