import type { ViewOutput, ViewStateValue } from '@slack/bolt';
import {
  type AnswerField,
  appliesTo,
  parseTypedAnswer,
  QUESTIONS,
  WORKLOAD_FIELD,
  WORKLOADS,
  type Workload,
} from '../../core/index.js';

export type FormValues = Partial<Record<AnswerField, unknown>>;

export interface FieldProblem {
  readonly field: AnswerField;
  /** Without the field name: "must be a number of dollars, 0 or more". */
  readonly message: string;
}

export interface QuestionnaireState {
  /** Typed answers to the questions on the view that apply to the chosen workload. */
  readonly values: FormValues;
  /** Answers that are not the right kind of value at all (say "10abc" for a number). */
  readonly problems: readonly FieldProblem[];
  /** Fields that have an input block on the view. */
  readonly shown: ReadonlySet<AnswerField>;
}

/**
 * The raw text of an input's state: the typed value, the chosen option's value, or the chosen
 * options' values joined by commas (how `parseTypedAnswer` reads a list).
 */
function textOf(state: ViewStateValue | undefined): string {
  if (!state) return '';
  if (state.selected_options) return state.selected_options.map((option) => option.value).join(',');
  if (state.selected_option !== undefined) return state.selected_option?.value ?? '';
  return state.value ?? '';
}

/**
 * Reads the questionnaire's state into typed answers, the same way the terminal reads typed
 * text (option values, "true"/"false", number strings). Values of questions that do not apply
 * to the chosen workload are dropped: the view may be one update behind the person's choice.
 * Block and action ids are the answer field names (see messages/ids.ts).
 */
export function readQuestionnaire(view: Pick<ViewOutput, 'blocks' | 'state'>): QuestionnaireState {
  const blockIds = new Set(view.blocks.map((block) => block.block_id));
  const shownQuestions = QUESTIONS.filter((question) => blockIds.has(question.field));
  const stateOf = (field: AnswerField) => view.state.values[field]?.[field];
  const workload = workloadOf({ [WORKLOAD_FIELD]: textOf(stateOf(WORKLOAD_FIELD)) });
  const values: FormValues = {};
  const problems: FieldProblem[] = [];
  for (const question of shownQuestions) {
    if (!appliesTo(question, workload)) continue;
    const typed = parseTypedAnswer(question, textOf(stateOf(question.field)));
    if (!typed.ok) problems.push({ field: question.field, message: typed.message });
    else if (typed.value !== undefined) values[question.field] = typed.value;
  }
  return { values, problems, shown: new Set(shownQuestions.map((question) => question.field)) };
}

/** The workload a set of form values has chosen, if any. */
export function workloadOf(values: FormValues): Workload | undefined {
  const value = values[WORKLOAD_FIELD];
  return WORKLOADS.find((workload) => workload === value);
}
