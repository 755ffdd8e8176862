import type { types } from '@slack/bolt';
import { appliesTo, QUESTIONS } from '../../core/index.js';
import { type FormValues, workloadOf } from '../payloads/questionnaire-state.js';
import { CallbackId } from './ids.js';
import { context, plain } from './kit.js';
import { LIMITS } from './limits.js';
import { questionInput } from './question-input.js';

export interface QuestionnaireViewInput {
  /** Where the advice goes, signed, as `private_metadata` (see reliability/signed-metadata.ts). */
  readonly privateMetadata: string;
  /** Answers to show as initial values: a previous submission, or what is on the form. */
  readonly values?: FormValues;
}

/**
 * The questionnaire modal, rendered from the question catalog. Only the questions that apply
 * to the chosen workload are shown (none of the workload-specific ones before a choice).
 * @see https://docs.slack.dev/reference/views/modal-views
 */
export function questionnaireView({
  privateMetadata,
  values = {},
}: QuestionnaireViewInput): types.ModalView {
  const workload = workloadOf(values);
  const questions = QUESTIONS.filter((question) => appliesTo(question, workload));
  const intro = context(
    workload === undefined
      ? 'Describe one workload. Choose what the accelerators will do first: a few more questions depend on it.'
      : 'Describe one workload. The recommendation is posted with its reasons in a thread.',
  );
  return {
    type: 'modal',
    callback_id: CallbackId.questionnaire,
    title: plain('Chip advice', LIMITS.modalTitle),
    submit: plain('Get advice', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [
      intro,
      ...questions.map((question) => questionInput(question, values[question.field])),
    ],
  };
}
