import type { types } from '@slack/bolt';
import {
  appliesTo,
  QUESTIONS,
  type Question,
  questionFor,
  WORKLOAD_FIELD,
} from '../../core/index.js';
import { CallbackId } from '../messages/ids.js';
import { context, plain } from '../messages/kit.js';
import { LIMITS } from '../messages/limits.js';
import { type FormValues, workloadOf } from './form-state.js';
import { questionInput } from './question-input.js';

export interface QuestionnaireViewInput {
  /** Where the advice goes, signed, as `private_metadata` (see delivery/signed-metadata.ts). */
  readonly privateMetadata: string;
  /** Answers to show as initial values: a previous submission, or what is on the form. */
  readonly values?: FormValues;
}

/**
 * The questionnaire modal, rendered from the question catalog. Until the workload is chosen it
 * shows only that question: which others apply depends on it, and a small first view keeps
 * views.open fast inside the 3 seconds a trigger_id lives. Choosing the workload updates the
 * view with every question that applies, the optional workload name first.
 * @see https://docs.slack.dev/reference/views/modal-views
 */
export function questionnaireView({
  privateMetadata,
  values,
}: QuestionnaireViewInput): types.ModalView {
  return {
    type: 'modal',
    callback_id: CallbackId.questionnaire,
    title: plain('Chip advice', LIMITS.modalTitle),
    submit: plain('Get advice', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: values === undefined ? [...EMPTY_FORM] : formBlocks(values),
  };
}

function formBlocks(values: FormValues): types.KnownBlock[] {
  const workload = workloadOf(values);
  const input = (question: Question) => questionInput(question, values[question.field]);
  // Before the workload is chosen, only its question: every other one depends on it.
  if (workload === undefined) return [input(questionFor(WORKLOAD_FIELD))];
  const intro = context(
    'Describe one workload. The recommendation is posted with its reasons in a thread.',
  );
  return [intro, ...QUESTIONS.filter((question) => appliesTo(question, workload)).map(input)];
}

/**
 * The blocks of every new questionnaire (the slash command's): the same each time, so built once.
 * Views are serialized, never changed, once built.
 */
const EMPTY_FORM: readonly types.KnownBlock[] = Object.freeze(formBlocks({}));
