import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import type { Advisor } from '../../core/index.js';
import { InputChangedError, InputInvalidError } from '../errors.js';
import type { InputItem } from '../input/items.js';
import type { Input } from '../input/open-input.js';
import { OUTPUT_FORMATS } from '../output/formats.js';
import { createOutput } from '../output/writer.js';
import { type Evaluator, type EvaluatorSetup, inlineEvaluator } from './evaluator.js';
import { startPool } from './pool.js';
import { createProgress } from './progress.js';

/** Below this many bytes of answers (about 900 workloads) starting threads costs more than it saves. */
const POOL_MIN_BYTES = 256 * 1024;

export interface BatchRun {
  readonly input: Input;
  readonly setup: EvaluatorSetup;
  /** The advisor of this thread, already built over the checked rules. */
  readonly advisor: Advisor;
  /** `--jobs`; undefined means one thread per CPU core. */
  readonly jobs: number | undefined;
  readonly stdout: Writable & { readonly isTTY?: boolean };
  readonly stderr: Writable & { readonly isTTY?: boolean; readonly columns?: number };
}

/**
 * Streams a batch through two passes over the input, so that memory stays flat whatever its
 * size: the first checks every workload and names each problem on standard error; only when
 * all are valid does the second advise them and stream the output, in input order. Large
 * batches are spread over worker threads.
 * @throws {InputInvalidError} when any workload is invalid (its problems already written).
 */
export async function runBatch(run: BatchRun): Promise<void> {
  const { input, stdout } = run;
  const progress = createProgress(run.stderr);
  const evaluator = await evaluatorFor(run);
  const depth = evaluator === undefined ? 1 : 2 * threadsFor(run);
  const work = evaluator ?? inlineEvaluator(run.setup, run.advisor);
  try {
    let count = 0;
    let invalid = 0;
    await inOrder(input.batches(), depth, work.check, (checked) => {
      count += checked.count;
      invalid += checked.invalid;
      for (const problem of checked.problems) progress.log(`chip-advice: ${problem}`);
      progress.update('checking', count);
    });
    if (invalid > 0) {
      throw new InputInvalidError([
        input.shape === 'object'
          ? 'the answers are invalid; nothing was evaluated'
          : `${invalid} of ${count} workloads are invalid; nothing was evaluated`,
      ]);
    }
    const output = createOutput(stdout, stdout.isTTY ? progress.clear : undefined);
    const sink = OUTPUT_FORMATS[run.setup.format].open(output, run.setup.options);
    let advised = 0;
    await inOrder(input.batches(), depth, work.advise, async ({ count: rows, chunk }) => {
      await sink.write(chunk);
      advised += rows;
      progress.update('advising', advised, count);
    });
    if (advised !== count) throw new InputChangedError(input.name);
    await sink.end();
  } finally {
    progress.stop();
    await work.close();
  }
}

function threadsFor(run: BatchRun): number {
  return run.jobs ?? availableParallelism();
}

async function evaluatorFor(run: BatchRun): Promise<Evaluator | undefined> {
  const threads = threadsFor(run);
  const large = run.input.shape !== 'object' && run.input.bytes >= POOL_MIN_BYTES;
  return threads > 1 && large ? startPool(threads, run.setup) : undefined;
}

/**
 * Sends each batch to `submit` with up to `depth` outstanding and hands the results to
 * `handle` in input order. A read error (a JSON syntax error part-way) is raised after the
 * batches before it were handled, so their problems are reported first.
 */
async function inOrder<T>(
  batches: AsyncIterable<InputItem[]>,
  depth: number,
  submit: (items: readonly InputItem[]) => Promise<T>,
  handle: (result: T) => void | Promise<void>,
): Promise<void> {
  const queue: Promise<T>[] = [];
  const next = async () => handle(await (queue.shift() as Promise<T>));
  let readError: unknown;
  try {
    for await (const items of batches) {
      const task = submit(items);
      // Awaited in turn below; until then a failure must not count as unhandled.
      task.catch(() => {});
      queue.push(task);
      if (queue.length >= depth) await next();
    }
  } catch (error) {
    if (!(error instanceof InputInvalidError)) throw error;
    readError = error;
  }
  while (queue.length > 0) await next();
  if (readError) throw readError;
}
