import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { InputChangedError, InputInvalidError } from '../errors.js';
import type { InputItem, InputShape } from '../input/items.js';
import type { Input } from '../input/open-input.js';
import { SINKS } from '../output/sinks.js';
import { createOutput } from '../output/writer.js';
import type { Evaluator, EvaluatorSetup } from './evaluator.js';
import { startPool } from './pool.js';
import { createProgress } from './progress.js';

/** Below this many bytes of answers (about 900 workloads) starting threads costs more than it saves. */
const POOL_MIN_BYTES = 256 * 1024;

/** An evaluator and how many batches to keep in flight with it. */
export interface Evaluation {
  readonly evaluator: Evaluator;
  readonly depth: number;
}

/**
 * Where the workloads are checked and advised. A large batch goes to worker threads (`jobs`
 * of them, one per CPU core by default, a single one for `--jobs 1`), each with a bounded
 * heap, and the main thread only reads and writes: it never loads the advisor, so the memory
 * of the whole process stays flat. Anything smaller is evaluated in this thread.
 * @throws {InputInvalidError} when the rules are invalid.
 */
export async function startEvaluation(
  input: { readonly shape: InputShape; readonly bytes: number },
  setup: EvaluatorSetup,
  jobs: number | undefined,
): Promise<Evaluation> {
  if (input.shape !== 'object' && input.bytes >= POOL_MIN_BYTES) {
    const threads = jobs ?? availableParallelism();
    // One batch being worked on per thread, and one more to hand out as soon as a thread is done.
    return { evaluator: await startPool(threads, setup), depth: threads + 1 };
  }
  const { inlineEvaluator } = await import('./evaluator.js');
  return { evaluator: inlineEvaluator(setup), depth: 1 };
}

export interface BatchRun {
  readonly input: Input;
  readonly evaluation: Evaluation;
  readonly setup: EvaluatorSetup;
  readonly stdout: Writable & { readonly isTTY?: boolean };
  readonly stderr: Writable & { readonly isTTY?: boolean; readonly columns?: number };
}

/**
 * Streams a batch through two passes over the input, so that memory stays flat whatever its
 * size: the first checks every workload and names each problem on standard error; only when
 * all are valid (or `--skip-invalid` leaves out those that are not) does the second advise
 * them and stream the output, in input order.
 * @throws {InputInvalidError} when any workload is invalid (its problems already written),
 * after the output of the valid ones with `--skip-invalid`.
 */
export async function runBatch(run: BatchRun): Promise<void> {
  const { input, stdout } = run;
  const { evaluator, depth } = run.evaluation;
  const progress = createProgress(run.stderr);
  try {
    let count = 0;
    let invalid = 0;
    await inOrder(input.batches(), depth, evaluator.check, (checked) => {
      count += checked.count;
      invalid += checked.invalid;
      for (const problem of checked.problems) progress.log(`chip-advice: ${problem}`);
      progress.update('checking', count);
    });
    const skipping = invalid > 0 && run.setup.skipInvalid && input.shape !== 'object';
    if (invalid > 0 && !skipping) {
      throw new InputInvalidError([
        input.shape === 'object'
          ? 'the answers are invalid; nothing was evaluated'
          : `${invalid} of ${count} workloads are invalid; nothing was evaluated`,
      ]);
    }
    const output = createOutput(stdout, stdout.isTTY ? progress.clear : undefined);
    const sink = SINKS[run.setup.format].open(output, run.setup.options, evaluator.chips);
    let advised = 0;
    await inOrder(input.batches(), depth, evaluator.advise, async (batch) => {
      await sink.write(batch.chunk);
      evaluator.recycle?.(batch.chunk);
      advised += batch.count;
      progress.update('advising', advised, count - invalid);
    });
    if (advised !== count - invalid) throw new InputChangedError(input.name);
    await sink.end();
    if (skipping) {
      throw new InputInvalidError([
        `${invalid} of ${count} workloads are invalid and were left out; the other ${count - invalid} were evaluated`,
      ]);
    }
  } finally {
    progress.stop();
  }
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
