import type { Advice } from '../../core/index.js';
import type { InputShape } from '../input/items.js';
import type { Output } from './writer.js';

/** What every format is told about the run. Plain data: it is sent to worker threads. */
export interface RenderOptions {
  readonly shape: InputShape;
  /** Columns to wrap text to: the terminal's width, or 80 when not a terminal. */
  readonly width: number;
  readonly explain: boolean;
}

/** Receives the packed rows of consecutive workloads, in input order, in the main thread. */
export interface Sink<Chunk> {
  write(chunk: Chunk): Promise<void>;
  /** After the last chunk: closes the output (an array's "]") or writes what was aggregated. */
  end(): Promise<void>;
}

/**
 * One way of printing advice, split so that a batch can be spread over worker threads:
 * `project` and `pack` run where the advice is made (a worker or the main thread), `open` in
 * the main thread. `project` keeps only what the output needs of one workload, already
 * rendered where it can be; `pack` turns a batch of rows into what is sent to the main thread
 * (bytes are moved there without a copy). A portfolio aggregate or a CSV writer is a format
 * too: its `project` keeps a few fields, its sink sums them or writes one line per row.
 */
export interface OutputFormat<Row, Chunk> {
  /** What the sink needs of one workload's advice. */
  project(advice: Advice, options: RenderOptions): Row;
  /** A batch of rows as sent to the main thread. Must survive structured cloning. */
  pack(rows: Row[], options: RenderOptions): Chunk;
  open(out: Output, options: RenderOptions): Sink<Chunk>;
}

/** Any format, as the registry and the worker threads hold them. */
// biome-ignore lint/suspicious/noExplicitAny: each format pairs its own Row and Chunk types; only the format itself passes one to the other.
export type AnyFormat = OutputFormat<any, any>;

const encoder = new TextEncoder();

/** Rows of text joined into bytes with their own memory, which a worker can transfer. */
export function packText(rows: readonly string[], separator: string): Uint8Array {
  return encoder.encode(rows.join(separator));
}
