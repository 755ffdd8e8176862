/**
 * A worker thread of the batch pool (see pool.ts): loads the rules once, then checks or
 * advises each batch it is sent and posts the result back with the batch's id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { InputItem } from '../input/items.js';
import { type EvaluatorSetup, localWork } from './evaluator.js';

/** A batch sent to a worker. */
export interface Task {
  readonly id: number;
  readonly kind: 'check' | 'advise';
  readonly items: readonly InputItem[];
}

/** A worker's answer: `ready` once, then one per task. */
export type Reply =
  | { readonly ready: true }
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };

const port = parentPort;
if (port) {
  const work = localWork(workerData as EvaluatorSetup);
  port.on('message', (task: Task) => {
    const run = async () =>
      task.kind === 'check' ? work.check(task.items) : work.advise(task.items);
    run().then(
      (result) => {
        // Packed output moves to the main thread without a copy (and off its heap).
        const chunk = (result as { chunk?: unknown }).chunk;
        const transfer = chunk instanceof Uint8Array ? [chunk.buffer as ArrayBuffer] : [];
        port.postMessage({ id: task.id, ok: true, result } satisfies Reply, transfer);
      },
      (error: unknown) =>
        port.postMessage({
          id: task.id,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        } satisfies Reply),
    );
  });
  port.postMessage({ ready: true } satisfies Reply);
}
