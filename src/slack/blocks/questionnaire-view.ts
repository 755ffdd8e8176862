import type { types } from '@slack/bolt';
import { type AnswerField, appliesTo, QUESTIONS } from '../../core/index.js';
import { type FormValues, workloadOf } from '../payloads/questionnaire-state.js';
import { CallbackId } from './ids.js';
import { context, plain } from './kit.js';
import { LIMITS } from './limits.js';
import { questionInput } from './question-input.js';

/** The questions of the first view, before the workload is known. */
const FIRST_STEP: ReadonlySet<AnswerField> = new Set(['workloadName', 'workload']);

export interface QuestionnaireViewInput {
  /** Where the advice goes, signed, as `private_metadata` (see reliability/signed-metadata.ts). */
  readonly privateMetadata: string;
  /** Answers to show as initial values: a previous submission, or what is on the form. */
  readonly values?: FormValues;
}

/**
 * The questionnaire modal, rendered from the question catalog. Until the workload is chosen it
 * shows only that question (and the optional name): which other questions apply depends on it,
 * and a small first view keeps views.open fast inside the 3 seconds a trigger_id lives. Choosing
 * the workload updates the view with every question that applies.
 * @see https://docs.slack.dev/reference/views/modal-views
 */
export function questionnaireView({
  privateMetadata,
  values = {},
}: QuestionnaireViewInput): types.ModalView {
  const workload = workloadOf(values);
  const questions = QUESTIONS.filter((question) =>
    workload === undefined ? FIRST_STEP.has(question.field) : appliesTo(question, workload),
  );
  const intro = context(
    workload === undefined
      ? 'Describe one workload. Start with what the accelerators will do: the other questions depend on it and appear once you choose.'
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
