import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import {
  type AnswerField,
  appliesTo,
  checkField,
  parseTypedAnswer,
  QUESTIONS,
  type Question,
  type Workload,
} from '../core/index.js';

/** Standard input ended before every question was answered. */
export class PromptEndedError extends Error {
  readonly code = 'chip_advice_prompt_ended';
  override readonly name = 'PromptEndedError';
}

function optionList(question: Question): string {
  return (question.options ?? [])
    .map((option, i) => `    ${i + 1}) ${option.label}  [${option.value}]`)
    .join('\n');
}

function promptLine(question: Question): string {
  const skip = question.required ? '' : ', Enter to skip';
  switch (question.kind) {
    case 'single':
      return `  Choose a number or a value${skip}: `;
    case 'multi':
      return `  Choose one or more numbers or values, separated by commas${skip}: `;
    case 'boolean':
      return `  y/n${skip}: `;
    default:
      return question.required ? '  > ' : '  (Enter to skip) > ';
  }
}

/**
 * Asks the catalog's questions one by one on `output`, reading lines from `input`, and
 * re-asks on an invalid answer with the reason. Questions that do not apply to the chosen
 * workload are skipped. Prompts go to `output` (standard error), so standard output carries
 * only the advice. Returns the raw answers object, ready for `parseAnswers`.
 */
export async function askQuestions(
  input: Readable,
  output: Writable,
): Promise<Record<string, unknown>> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  const iterator = lines[Symbol.asyncIterator]();
  const answers: Record<string, unknown> = {};
  try {
    output.write('Describe one workload. Answers are checked as you go.\n');
    for (const question of QUESTIONS) {
      if (!appliesTo(question, answers.workload as Workload | undefined)) continue;
      output.write(`\n${question.label}\n  ${question.help}\n`);
      if (question.options) output.write(`${optionList(question)}\n`);
      for (;;) {
        output.write(promptLine(question));
        const next = await iterator.next();
        if (next.done) throw new PromptEndedError('input ended before every question was answered');
        const typed = parseTypedAnswer(question, next.value);
        const problem = typed.ok
          ? checkField(question.field as AnswerField, typed.value)
          : typed.message;
        if (problem === undefined && typed.ok) {
          if (typed.value !== undefined) answers[question.field] = typed.value;
          break;
        }
        output.write(`  ✗ ${question.short}: ${problem}. Try again.\n`);
      }
    }
    output.write('\n');
    return answers;
  } finally {
    lines.close();
  }
}
