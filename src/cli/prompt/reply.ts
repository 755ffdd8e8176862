import { type AnswerField, checkField, parseTypedAnswer, type Question } from '../../core/index.js';

/** What a typed line means for the question asked. */
export type Reply =
  | { readonly kind: 'answer'; readonly value: unknown }
  | { readonly kind: 'back' }
  | { readonly kind: 'retry'; readonly message: string };

/** Typed to remove the answer to an optional question. */
export const CLEAR = '-';

/** How a question asks for its answer, e.g. "choose 1-3", "y/n", "up to 80 characters". */
export function hintFor(question: Question): string {
  const count = question.options?.length ?? 0;
  switch (question.kind) {
    case 'single':
      return `choose 1-${count}`;
    case 'multi':
      return `choose one or more of 1-${count}, separated by commas`;
    case 'boolean':
      return 'y/n';
    case 'text':
      return `up to ${question.maxLength ?? 80} characters`;
    case 'number':
      return question.unit === 'usd'
        ? 'an amount in US dollars, e.g. 25000, 25k or $1.5M'
        : (question.expects ?? 'a number');
  }
}

/**
 * Reads one typed line as an answer to `question`, whose answer so far is `current`. Enter
 * keeps `current` (or skips an optional question), "back" asks for the previous question, and
 * a mistake is answered in the words of the prompt: a number range, y or n, a length limit.
 */
export function readReply(question: Question, typed: string, current: unknown): Reply {
  const text = typed.trim();
  if (text.toLowerCase() === 'back') return { kind: 'back' };
  if (text === '') {
    if (current !== undefined || !question.required) return { kind: 'answer', value: current };
    return { kind: 'retry', message: `An answer is needed: ${hintFor(question)}.` };
  }
  if (text === CLEAR && !question.required) return { kind: 'answer', value: undefined };
  const typedAnswer = parseTypedAnswer(question, text);
  if (!typedAnswer.ok) return { kind: 'retry', message: mistake(question, text) };
  const { value } = typedAnswer;
  if (Array.isArray(value) && new Set(value).size < value.length) {
    return { kind: 'retry', message: `List each choice once: ${hintFor(question)}.` };
  }
  if (question.kind === 'text' && text.length > (question.maxLength ?? Infinity)) {
    return {
      kind: 'retry',
      message: `That is ${text.length} characters; the limit is ${question.maxLength}.`,
    };
  }
  const problem = checkField(question.field as AnswerField, value);
  if (problem !== undefined) return { kind: 'retry', message: `${question.short} ${problem}.` };
  return { kind: 'answer', value };
}

function mistake(question: Question, text: string): string {
  const hint = hintFor(question);
  const shown = JSON.stringify(text.length > 30 ? `${text.slice(0, 30)}…` : text);
  switch (question.kind) {
    case 'boolean':
      return `Answer y or n (you typed ${shown}).`;
    case 'number':
      return `${shown} is not ${question.unit === 'usd' ? 'an amount' : 'a number'}: type ${hint}.`;
    case 'single':
    case 'multi': {
      const parts = question.kind === 'multi' ? text.split(/[\s,]+/).filter(Boolean) : [text];
      const bad = parts.find((part) => !parseTypedAnswer({ ...question, kind: 'single' }, part).ok);
      const badShown = JSON.stringify(bad ?? text);
      return /^\d+$/.test(bad ?? '')
        ? `There is no choice ${bad}: ${hint}.`
        : `${badShown} is not one of the choices: ${hint}.`;
    }
    default:
      return `${shown}: ${hint}.`;
  }
}
