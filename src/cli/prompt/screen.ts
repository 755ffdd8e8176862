import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { describeValue, type Question } from '../../core/index.js';
import { PromptEndedError } from '../errors.js';
import { hanging, MIN_WIDTH, wrap } from '../output/text/layout.js';
import { CLEAR, hintFor } from './reply.js';

/** The terminal as the questions use it: lines in, prompts out (on standard error). */
export interface Screen {
  /** Writes text wrapped to the terminal, each paragraph on its own line. */
  say(...paragraphs: string[]): void;
  /** "  ✗ " and what is wrong with the answer just typed. */
  mistake(message: string): void;
  /** Writes `prompt` and reads the next line. @throws {PromptEndedError} at end of input. */
  ask(prompt: string): Promise<string>;
  /** The question, its help and its numbered choices. */
  showQuestion(question: Question): void;
  /** The prompt line, with what Enter does in brackets. */
  promptFor(question: Question, current: unknown): string;
  close(): void;
}

/**
 * A {@link Screen} over `input` and `output`. When the input is not a terminal (answers piped
 * in), each line read is echoed, so the transcript reads like a session at a terminal.
 */
export function openScreen(
  input: Readable & { readonly isTTY?: boolean },
  output: Writable & { readonly columns?: number; readonly isTTY?: boolean },
): Screen {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  const iterator = lines[Symbol.asyncIterator]();
  const width = Math.max(MIN_WIDTH, output.isTTY ? (output.columns ?? 80) : 80);
  // A paragraph keeps its indent on every line it wraps to.
  const lay = (paragraph: string) => {
    const indent = /^ */.exec(paragraph)?.[0] ?? '';
    return paragraph === '' ? [''] : hanging(indent, paragraph.slice(indent.length), width);
  };
  const say = (...paragraphs: string[]) => {
    output.write(`${paragraphs.flatMap(lay).join('\n')}\n`);
  };
  return {
    say,
    mistake: (message) => output.write(`${hanging('  ✗ ', message, width).join('\n')}\n`),
    async ask(prompt) {
      output.write(prompt);
      const next = await iterator.next();
      if (next.done) {
        output.write('\n');
        throw new PromptEndedError('input ended before the answers were confirmed');
      }
      if (!input.isTTY) output.write(`${next.value}\n`);
      return next.value;
    },
    showQuestion(question) {
      const choices = (question.options ?? []).map((option, i) => `    ${i + 1}) ${option.label}`);
      output.write(
        `\n${[
          ...wrap(question.label, width),
          ...hanging('  ', question.help, width),
          ...choices,
        ].join('\n')}\n`,
      );
    },
    promptFor(question, current) {
      const hint = hintFor(question);
      // "y/n" stays lower-case: "Y/n" would read as "Enter means yes".
      const shown = `  ${question.kind === 'boolean' ? hint : hint.charAt(0).toUpperCase() + hint.slice(1)}`;
      if (current !== undefined) {
        const removable = question.required ? '' : `, ${CLEAR} to remove`;
        return `${shown} [Enter keeps ${typedForm(question, current)}${removable}]: `;
      }
      return question.required ? `${shown}: ` : `${shown} [Enter skips]: `;
    },
    close: () => lines.close(),
  };
}

/** An answer as it would be typed: "2", "1,3", "y", "25000", the name itself. */
function typedForm(question: Question, value: unknown): string {
  const indexOf = (v: unknown) =>
    String((question.options ?? []).findIndex((option) => option.value === String(v)) + 1);
  switch (question.kind) {
    case 'single':
      return indexOf(value);
    case 'multi':
      return (value as unknown[]).map(indexOf).join(',');
    case 'boolean':
      return value ? 'y' : 'n';
    default:
      return question.kind === 'number' ? String(value) : describeValue(question.field, value);
  }
}
