/**
 * A worker thread of the batch pool (see pool.ts): loads the rules once, then checks or
 * advises each batch it is sent and posts the result back with the batch's id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PortfolioChip } from '../../core/portfolio/index.js';
import { InputInvalidError } from '../errors.js';
import type { InputItem } from '../input/items.js';
import { type EvaluatorSetup, localWork } from './evaluator.js';

/** A batch sent to a worker. */
export interface Task {
  readonly id: number;
  readonly kind: 'check' | 'advise';
  readonly items: readonly InputItem[];
  /** Buffers of earlier chunks, written out by the main thread and given back for reuse. */
  readonly spare: readonly ArrayBuffer[];
}

/**
 * A worker's answer: `ready` once (with the rules' chips, or false with the problems when the
 * rules are invalid), then one per task.
 */
export type Reply =
  | { readonly ready: true; readonly chips: readonly PortfolioChip[] }
  | { readonly ready: false; readonly problems: readonly string[] }
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };

const port = parentPort;
if (port) serve(port);

function serve(port: NonNullable<typeof parentPort>): void {
  let work: ReturnType<typeof localWork>;
  try {
    work = localWork(workerData as EvaluatorSetup);
  } catch (error) {
    if (!(error instanceof InputInvalidError)) throw error;
    port.postMessage({ ready: false, problems: error.problems } satisfies Reply);
    return;
  }
  const bytes = recycledBytes();
  port.on('message', (task: Task) => {
    bytes.giveBack(task.spare);
    const run = async () => {
      if (task.kind === 'check') return work.check(task.items);
      const advised = await work.advise(task.items);
      if (typeof advised.chunk !== 'string') return advised;
      return { ...advised, chunk: bytes.encode(advised.chunk) };
    };
    run().then(
      (result) => {
        // Packed text moves to the main thread without a copy (and off its heap).
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
  port.postMessage({ ready: true, chips: work.chips } satisfies Reply);
}

/** Smallest buffer made for a chunk: a batch of text is usually 0.5 to 3 MB. */
const MIN_BUFFER_BYTES = 1024 * 1024;
/** Buffers kept for reuse; more than the batches in flight would only hold memory. */
const MAX_SPARE = 4;

/**
 * UTF-8 bytes for the chunks of text sent to the main thread, in buffers that come back once
 * written. The main thread's heap barely allocates, so its collector would run too seldom to
 * free a stream of transferred buffers (30 MB of them sat there); reusing them keeps the
 * memory of a million-workload batch flat.
 */
function recycledBytes() {
  const spare: ArrayBuffer[] = [];
  const encoder = new TextEncoder();
  return {
    giveBack(buffers: readonly ArrayBuffer[]) {
      spare.push(...buffers);
      spare.splice(0, Math.max(0, spare.length - MAX_SPARE));
    },
    encode(text: string): Uint8Array {
      const size = Buffer.byteLength(text, 'utf8');
      const index = spare.findIndex((buffer) => buffer.byteLength >= size);
      const buffer =
        index === -1
          ? new ArrayBuffer(Math.max(MIN_BUFFER_BYTES, Math.ceil(size * 1.25)))
          : (spare.splice(index, 1)[0] as ArrayBuffer);
      const view = new Uint8Array(buffer, 0, size);
      encoder.encodeInto(text, view);
      return view;
    },
  };
}
