import type { types } from '@slack/bolt';
import { type Question, type QuestionOption, WORKLOAD_FIELD } from '../../core/index.js';
import { plain } from '../messages/kit.js';
import { LIMITS } from '../messages/limits.js';

/** Up to this many options show as radio buttons / checkboxes; more become a menu. */
const MAX_INLINE_OPTIONS = 5;

function option(choice: QuestionOption): types.PlainTextOption {
  return { text: plain(choice.label, LIMITS.optionText), value: choice.value };
}

// Built once: toLocaleString with options builds a new Intl.NumberFormat on every call.
const NUMBER_TEXT = new Intl.NumberFormat('en-US', {
  useGrouping: false,
  maximumFractionDigits: 20,
});

/** Numbers as a number_input reads them: never in exponent notation. */
function numberText(value: number): string {
  return NUMBER_TEXT.format(value);
}

function placeholder(question: Question) {
  return question.placeholder
    ? { placeholder: plain(question.placeholder, LIMITS.placeholder) }
    : {};
}

function singleChoice(question: Question, value: unknown) {
  const choices = question.options ?? [];
  const options = choices.map(option);
  const picked = choices.find((choice) => choice.value === String(value));
  const initial = picked ? option(picked) : undefined;
  const base = {
    action_id: question.field,
    options,
    ...(initial ? { initial_option: initial } : {}),
  };
  return options.length <= MAX_INLINE_OPTIONS
    ? { type: 'radio_buttons' as const, ...base }
    : { type: 'static_select' as const, ...base, ...placeholder(question) };
}

function multiChoice(question: Question, value: unknown) {
  const choices = question.options ?? [];
  const options = choices.map(option);
  const chosen = Array.isArray(value) ? value.map(String) : [];
  const initial = choices.filter((choice) => chosen.includes(choice.value)).map(option);
  const base = {
    action_id: question.field,
    options,
    ...(initial.length > 0 ? { initial_options: initial } : {}),
  };
  return options.length <= MAX_INLINE_OPTIONS
    ? { type: 'checkboxes' as const, ...base }
    : { type: 'multi_static_select' as const, ...base, ...placeholder(question) };
}

function element(question: Question, value: unknown): types.InputBlockElement {
  switch (question.kind) {
    case 'text':
      return {
        type: 'plain_text_input',
        action_id: question.field,
        ...(question.maxLength ? { max_length: question.maxLength } : {}),
        ...(typeof value === 'string' ? { initial_value: value } : {}),
        ...placeholder(question),
      };
    case 'number':
      return {
        type: 'number_input',
        action_id: question.field,
        is_decimal_allowed: question.integer !== true,
        ...(question.min === undefined ? {} : { min_value: numberText(question.min) }),
        ...(typeof value === 'number' ? { initial_value: numberText(value) } : {}),
        ...placeholder(question),
      };
    case 'boolean':
    case 'single':
      return singleChoice(question, value);
    case 'multi':
      return multiChoice(question, value);
  }
}

/**
 * One question of the catalog as an input block: block_id and action_id are the answer field,
 * option values are the answer values ("true"/"false" for yes/no), the help text is the hint,
 * and `value` (a typed answer) becomes the initial value. Choosing a workload dispatches
 * block_actions so the app can show the questions that apply to it.
 * @see https://docs.slack.dev/reference/block-kit/blocks/input-block
 */
export function questionInput(question: Question, value: unknown): types.InputBlock {
  return {
    type: 'input',
    block_id: question.field,
    label: plain(question.label, LIMITS.inputLabel),
    hint: plain(question.help, LIMITS.inputHint),
    // Inputs are required unless `optional` says otherwise.
    ...(question.required ? {} : { optional: true }),
    ...(question.field === WORKLOAD_FIELD ? { dispatch_action: true } : {}),
    element: element(question, value),
  };
}
