import { Worker } from 'node:worker_threads';
import type { PortfolioChip } from '../../core/portfolio/index.js';
import { InputInvalidError } from '../errors.js';
import type { InputItem } from '../input/items.js';
import type { Advised } from './advise.js';
import type { Checked } from './check.js';
import type { Evaluator, EvaluatorSetup } from './evaluator.js';
import type { Reply, Task } from './worker.js';

interface Pending {
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface Member {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

/**
 * A worker holds a few batches at a time (a few MB), but left to itself V8 lets each worker's
 * heap grow past 100 MB before collecting: 265 MB in all for 20,000 workloads. Measured on
 * 4,000 workloads (garbage collection time across the threads) and 20,000 (peak RSS): a young
 * generation of 8 MB tripled the collection time (3.5 s against 1.3 s unbounded), 32 MB cost
 * nothing but peaked at 205 MB; 16 MB takes 1.9 s and peaks at 175 MB.
 */
const HEAP_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 16 };

/** The built worker next to this file (dist/cli/batch/worker.js). */
const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * An evaluator over `size` worker threads, each with its own advisor. A batch goes to the
 * worker with the fewest batches outstanding; the caller keeps the input order by awaiting
 * the returned promises in the order it sent the batches. A worker that fails or exits
 * fails its outstanding batches, so the run stops instead of waiting forever.
 * @throws {InputInvalidError} when the workers find the rules invalid.
 */
export async function startPool(size: number, setup: EvaluatorSetup): Promise<Evaluator> {
  const members = Array.from({ length: size }, () => spawn(setup));
  let chips: readonly PortfolioChip[];
  try {
    // Every worker loaded the same rules: the first one's chips stand for all.
    [chips = []] = await Promise.all(members.map(({ ready }) => ready));
  } catch (error) {
    await Promise.all(members.map(({ member }) => member.worker.terminate()));
    throw error;
  }
  let nextId = 0;
  /** Buffers of chunks already written, going back to a worker with its next batch. */
  let written: ArrayBuffer[] = [];
  const run = (kind: Task['kind'], items: readonly InputItem[]) => {
    const [least] = [...members].sort((a, b) => a.member.pending.size - b.member.pending.size);
    const { member } = least as (typeof members)[number];
    const id = nextId++;
    const spare = written;
    written = [];
    return new Promise<unknown>((resolve, reject) => {
      member.pending.set(id, { resolve, reject });
      member.worker.postMessage({ id, kind, items, spare } satisfies Task, spare);
    });
  };
  return {
    chips,
    check: (items) => run('check', items) as Promise<Checked>,
    advise: (items) => run('advise', items) as Promise<Advised>,
    recycle(chunk) {
      if (chunk instanceof Uint8Array && chunk.buffer instanceof ArrayBuffer) {
        written.push(chunk.buffer);
      }
    },
    close: async () => {
      await Promise.all(members.map(({ member }) => member.worker.terminate()));
    },
  };
}

function spawn(setup: EvaluatorSetup): {
  member: Member;
  ready: Promise<readonly PortfolioChip[]>;
} {
  const worker = new Worker(WORKER_URL, { workerData: setup, resourceLimits: HEAP_LIMITS });
  const member: Member = { worker, pending: new Map() };
  const failAll = (error: Error) => {
    for (const pending of member.pending.values()) pending.reject(error);
    member.pending.clear();
  };
  const ready = new Promise<readonly PortfolioChip[]>((resolve, reject) => {
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        return reply.ready ? resolve(reply.chips) : reject(new InputInvalidError(reply.problems));
      }
      const pending = member.pending.get(reply.id);
      member.pending.delete(reply.id);
      if (reply.ok) pending?.resolve(reply.result);
      else pending?.reject(new Error(reply.message));
    });
    worker.on('error', (error) => {
      reject(error);
      failAll(error);
    });
    worker.on('exit', (code) => {
      const error = new Error(`a worker thread stopped (exit code ${code})`);
      reject(error);
      failAll(error);
    });
  });
  return { member, ready };
}
