/**
 * Every identifier Slack sends back to the app, in one place. The manifest (manifest.yml) and
 * the listeners use these same values. The command, the modal's callback_id and the question
 * inputs' ids (the answer field name as both block_id and action_id) are the app's published
 * interface (README, "The Slack app"): checks outside the project rely on them, so they never change.
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
  /** "Export CSV" on a channel's portfolio summary: uploads every row into its thread. */
  exportPortfolioCsv: 'chip_advice_export_portfolio_csv',
  /** "Re-evaluate" on a summary of decisions made under several rules versions. */
  reevaluatePortfolio: 'chip_advice_reevaluate_portfolio',
} as const;
