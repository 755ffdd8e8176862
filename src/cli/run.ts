import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import {
  type Advisor,
  createAdvisor,
  loadRuleset,
  RulesetContradictionError,
  RulesetInvalidError,
} from '../core/index.js';
import { type CliOptions, parseCliArgs, USAGE } from './args.js';
import { runBatch } from './batch/pipeline.js';
import { InputInvalidError, OutputFailedError, PromptEndedError } from './errors.js';
import { type Input, inputOf, openInput } from './input/open-input.js';
import { askQuestions } from './prompt/ask.js';

type Terminal = { readonly isTTY?: boolean; readonly columns?: number };

export interface CliIo {
  readonly stdin: Readable & Terminal;
  readonly stdout: Writable & Terminal;
  readonly stderr: Writable & Terminal;
}

/** Exit codes of the command-line advisor, as the project's CLI contract fixes them. */
export const EXIT = { ok: 0, internal: 1, invalid: 2 } as const;

/**
 * The command-line advisor. Returns the exit code; writes advice to stdout and problems to
 * stderr. Invalid input of any kind (flags, files, answers, rule files) is exit 2 with each
 * problem named and nothing on stdout; anything else propagates to {@link main} (exit 1).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const options = parseCliArgs(argv);
    if (options.help) return write(io.stdout, `${USAGE}\n`);
    if (options.version) return write(io.stdout, `${packageVersion()}\n`);
    const advisor = createAdvisor(loadRules(options.rules));
    const input = await openAnswers(options, io);
    try {
      await runBatch({
        input,
        advisor,
        jobs: options.jobs,
        stdout: io.stdout,
        stderr: io.stderr,
        setup: {
          rulesDir: options.rules,
          format: options.format,
          options: {
            name: input.name,
            shape: input.shape,
            // Text is wrapped to the terminal; piped or redirected, to 80 columns.
            width: io.stdout.isTTY ? (io.stdout.columns ?? 80) : 80,
            explain: options.explain,
          },
        },
      });
    } finally {
      await input.close();
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof OutputFailedError && error.readerGone) return EXIT.ok;
    if (!(error instanceof InputInvalidError)) throw error;
    io.stderr.write(`${error.problems.map((p) => `chip-advice: ${p}`).join('\n')}\n`);
    return EXIT.invalid;
  }
}

/**
 * {@link runCli} for the `chip-advice` entry point: an internal error (a bug, a failing stream)
 * is reported in one line on standard error, never as a stack trace, with exit code 1.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await runCli(argv, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`chip-advice: internal error: ${message}\n`);
    return EXIT.internal;
  }
}

function write(stream: Writable, text: string): number {
  stream.write(text);
  return EXIT.ok;
}

function loadRules(dir: string | undefined): Advisor['ruleset'] {
  try {
    return loadRuleset(dir);
  } catch (error) {
    if (error instanceof RulesetInvalidError || error instanceof RulesetContradictionError) {
      throw new InputInvalidError([`rules are invalid: ${error.message}`], { cause: error });
    }
    throw error;
  }
}

/** `--answers`, or the answers typed at the prompts when standard input is a terminal. */
async function openAnswers(options: CliOptions, io: CliIo): Promise<Input> {
  if (options.answers !== undefined) return openInput(options.answers, io.stdin);
  if (!io.stdin.isTTY && !options.interactive) {
    throw new InputInvalidError([
      'no answers given: pass --answers FILE (or --answers - for standard input), or run in a terminal to be asked the questions',
    ]);
  }
  try {
    return inputOf(await askQuestions(io.stdin, io.stderr), 'the answers');
  } catch (error) {
    if (!(error instanceof PromptEndedError)) throw error;
    throw new InputInvalidError([`${error.message}; nothing was evaluated`], { cause: error });
  }
}

function packageVersion(): string {
  const file = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
