import type { Advice } from '../../core/index.js';
import type { PortfolioChip } from '../../core/portfolio/index.js';
import type { InputShape } from '../input/items.js';
import type { Output } from './writer.js';

/** What every format is told about the run. Plain data: it is sent to worker threads. */
export interface RenderOptions {
  readonly shape: InputShape;
  /** Columns to wrap text to: the terminal's width, or 80 when not a terminal. */
  readonly width: number;
  readonly explain: boolean;
}

/**
 * An output format is two halves, so that a batch can be spread over worker threads and the
 * main thread stays small: its projection runs where the advice is made (a worker, or the
 * main thread for small inputs), its sink in the main thread. A portfolio aggregate or a CSV
 * writer is a format too: a projection that keeps a few fields, a sink that sums them or
 * writes one line per row. Each half has its registry: projections.ts and sinks.ts.
 */
export interface Projection<Row, Chunk> {
  /**
   * What the sink needs of one workload's advice, already rendered where it can be;
   * `position` is the workload's place in the input (1-based).
   */
  project(advice: Advice, options: RenderOptions, position: number): Row;
  /**
   * A batch of rows as sent to the main thread. Must survive structured cloning; a string
   * is sent as UTF-8 bytes in a buffer that the main thread gives back once written.
   */
  pack(rows: Row[], options: RenderOptions): Chunk;
}

/** The main thread's half of a format: writes or aggregates the packed batches. */
export interface SinkFactory<Chunk> {
  /** `chips` are the rules' chips (chips.json), for the formats that sum by chip. */
  open(out: Output, options: RenderOptions, chips: readonly PortfolioChip[]): Sink<Chunk>;
}

/** Receives the packed rows of consecutive workloads, in input order. */
export interface Sink<Chunk> {
  /** Resolves once the chunk is written or taken in: its memory is then reused. */
  write(chunk: Chunk | Uint8Array): Promise<void>;
  /** After the last chunk: closes the output (an array's "]") or writes what was aggregated. */
  end(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: each format pairs its own Row and Chunk types; only the format itself hands one to the other.
export type AnyProjection = Projection<any, any>;
// biome-ignore lint/suspicious/noExplicitAny: as above, for the sink half.
export type AnySinkFactory = SinkFactory<any>;
