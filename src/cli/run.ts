import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { type CliOptions, outputOf, parseCliArgs, USAGE } from './args.js';
import type { EvaluatorSetup } from './batch/evaluator.js';
import { runBatch, startEvaluation } from './batch/pipeline.js';
import { InputInvalidError, OutputFailedError, PromptEndedError } from './errors.js';
import { type Input, inputOf, openInput } from './input/open-input.js';

type Terminal = { readonly isTTY?: boolean; readonly columns?: number };

export interface CliIo {
  readonly stdin: Readable & Terminal;
  readonly stdout: Writable & Terminal;
  readonly stderr: Writable & Terminal;
}

/** Exit codes of the command-line advisor; scripts rely on them (see the README), so they never change. */
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
    if (options.answers === undefined) await interactive(options, io);
    else await fromFile(options, options.answers, io);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof OutputFailedError && error.readerGone) return EXIT.ok;
    if (!(error instanceof InputInvalidError)) throw error;
    io.stderr.write(`${error.problems.map((p) => `chip-advice: ${p}`).join('\n')}\n`);
    return EXIT.invalid;
  }
}

/** `--answers FILE`: a batch of any size, streamed. */
async function fromFile(options: CliOptions, answers: string, io: CliIo): Promise<void> {
  const input = await openInput(answers, io.stdin);
  try {
    const setup = setupFor(options, input, io);
    const evaluation = await startEvaluation(input, setup, options.jobs);
    try {
      await runBatch({ input, evaluation, setup, stdout: io.stdout, stderr: io.stderr });
    } finally {
      await evaluation.evaluator.close();
    }
  } finally {
    await input.close();
  }
}

/**
 * No `--answers`: the questions, on a terminal (or with `--interactive`). The rules are
 * loaded first, so a broken rule file is reported before anyone answers anything.
 */
async function interactive(options: CliOptions, io: CliIo): Promise<void> {
  if (!io.stdin.isTTY && !options.interactive) {
    throw new InputInvalidError([
      'no answers given: pass --answers FILE (or --answers - for standard input), or run in a terminal to be asked the questions',
    ]);
  }
  const shape = { name: 'the answers', shape: 'object', bytes: 0 } as const;
  const setup = setupFor(options, shape, io);
  const evaluation = await startEvaluation(shape, setup, options.jobs);
  try {
    const { askQuestions } = await import('./prompt/ask.js');
    let input: Input;
    try {
      input = inputOf(await askQuestions(io.stdin, io.stderr), shape.name);
    } catch (error) {
      if (!(error instanceof PromptEndedError)) throw error;
      throw new InputInvalidError([`${error.message}; nothing was evaluated`], { cause: error });
    }
    await runBatch({ input, evaluation, setup, stdout: io.stdout, stderr: io.stderr });
  } finally {
    await evaluation.evaluator.close();
  }
}

function setupFor(
  options: CliOptions,
  input: Pick<Input, 'name' | 'shape'>,
  io: CliIo,
): EvaluatorSetup {
  return {
    rulesDir: options.rules,
    format: outputOf(options),
    skipInvalid: options.skipInvalid,
    options: {
      name: input.name,
      shape: input.shape,
      // Text is wrapped to the terminal; piped or redirected, to 80 columns.
      width: io.stdout.isTTY ? (io.stdout.columns ?? 80) : 80,
      explain: options.explain,
    },
  };
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

function packageVersion(): string {
  const file = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
