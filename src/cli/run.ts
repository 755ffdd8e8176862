import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import {
  type Advisor,
  createAdvisor,
  isCodedError,
  loadRuleset,
  parseAnswers,
  RulesetContradictionError,
  RulesetInvalidError,
} from '../core/index.js';
import { type CliOptions, parseCliArgs, USAGE } from './args.js';
import { askQuestions, PromptEndedError } from './prompt.js';
import { type InputItem, type InputShape, readAnswersSource } from './read-answers.js';
import { renderText } from './render-text.js';

export interface CliIo {
  readonly stdin: Readable & { readonly isTTY?: boolean };
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** Exit codes of CONTRACT section 2. */
export const EXIT = { ok: 0, internal: 1, invalid: 2 } as const;

class InvalidInput extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/**
 * The command-line advisor. Returns the exit code; writes advice to stdout and problems to
 * stderr. Invalid input of any kind (flags, files, answers, rule files) is exit 2 with each
 * problem named; anything else propagates to main, which reports it as exit 1.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const options = parseOptions(argv);
    if (options.help) return write(io.stdout, `${USAGE}\n`);
    if (options.version) return write(io.stdout, `${packageVersion()}\n`);
    const advisor = createAdvisor(loadRules(options.rules));
    const { shape, items } = await readItems(options, io);
    const answers = validate(items, shape);
    const advice = await Promise.all(answers.map((item) => advisor.advise(item)));
    if (options.json) {
      return write(
        io.stdout,
        `${JSON.stringify(shape === 'object' ? advice[0] : advice, null, 2)}\n`,
      );
    }
    return write(io.stdout, advice.map(renderText).join(`\n${'─'.repeat(72)}\n\n`));
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
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

function parseOptions(argv: readonly string[]): CliOptions {
  try {
    return parseCliArgs(argv);
  } catch (error) {
    if (!isCodedError(error)) throw error;
    throw new InvalidInput([`${error.message}`, 'run with --help to see the options']);
  }
}

function loadRules(dir: string | undefined): Advisor['ruleset'] {
  try {
    return loadRuleset(dir);
  } catch (error) {
    if (error instanceof RulesetInvalidError || error instanceof RulesetContradictionError) {
      throw new InvalidInput([`rules are invalid: ${error.message}`]);
    }
    throw error;
  }
}

async function readItems(
  options: CliOptions,
  io: CliIo,
): Promise<{ shape: InputShape; items: readonly InputItem[] }> {
  if (options.answers !== undefined) {
    const result = await readAnswersSource(options.answers, io.stdin);
    if (!result.ok) throw new InvalidInput(result.problems);
    return result;
  }
  if (!io.stdin.isTTY && !options.interactive) {
    throw new InvalidInput([
      'no answers given: pass --answers FILE (or --answers - for standard input), or run in a terminal to be asked the questions',
    ]);
  }
  try {
    return {
      shape: 'object',
      items: [{ position: 1, value: await askQuestions(io.stdin, io.stderr) }],
    };
  } catch (error) {
    if (error instanceof PromptEndedError)
      throw new InvalidInput([`${error.message}; nothing was evaluated`]);
    throw error;
  }
}

function validate(items: readonly InputItem[], shape: InputShape) {
  const results = items.map((item) => ({ item, result: parseAnswers(item.value) }));
  const problems = results.flatMap(({ item, result }) => {
    if (result.ok) return [];
    if (shape === 'object') return result.issues.map((issue) => issue.message);
    const name = (item.value as { workloadName?: unknown } | null)?.workloadName;
    const label = `workload #${item.position}${typeof name === 'string' ? ` "${name}"` : ''}${item.line ? ` (line ${item.line})` : ''}`;
    return result.issues.map((issue) => `${label}: ${issue.message}`);
  });
  if (problems.length > 0) {
    const invalid = results.filter(({ result }) => !result.ok).length;
    const summary =
      shape === 'object'
        ? 'the answers are invalid; nothing was evaluated'
        : `${invalid} of ${items.length} workloads are invalid; nothing was evaluated`;
    throw new InvalidInput([...problems, summary]);
  }
  return results.flatMap(({ result }) => (result.ok ? [result.answers] : []));
}

function packageVersion(): string {
  const file = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
