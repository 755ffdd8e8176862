import type { AnswerField } from '../../core/index.js';

/**
 * Every identifier Slack sends back to the app, in one place. The manifest (manifest.yml) and
 * the listeners use these same values; CONTRACT section 3 fixes the command and the modal's
 * callback_id. Question inputs use the answer field name as both block_id and action_id.
 */
export const COMMAND = '/chip-advice';

export const CallbackId = {
  /** The questionnaire modal. */
  questionnaire: 'chip_advice_questionnaire',
  /** The "Get chip advice" message shortcut. */
  messageShortcut: 'chip_advice_message_shortcut',
  /** A modal that only tells something (no submit), e.g. that a form is out of date. */
  notice: 'chip_advice_notice',
} as const;

export const ActionId = {
  /** "Change answers" on a summary or what-if message: reopens the modal pre-filled. */
  changeAnswers: 'chip_advice_change_answers',
  /** "What if…" on a counterfactual in the reasoning thread. */
  whatIf: 'chip_advice_what_if',
  /** "Start the questionnaire" on the App Home tab. */
  startQuestionnaire: 'chip_advice_start_questionnaire',
  /** "Post again" on a notice that the advice could not be posted. */
  retryPost: 'chip_advice_retry_post',
} as const;

/** The answer whose value decides which other questions are shown (it dispatches block_actions). */
export const WORKLOAD_FIELD = 'workload' satisfies AnswerField;
