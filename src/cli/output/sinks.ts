import type { FormatName } from '../args.js';
import type { AnySinkFactory } from './format.js';
import { jsonSink } from './json/sink.js';
import { textSink } from './text/sink.js';

/**
 * The main thread's half of each output format (see format.ts). Nothing here imports the
 * advisor core, so that the main thread of a large batch stays small.
 */
export const SINKS: Readonly<Record<FormatName, AnySinkFactory>> = {
  text: textSink,
  json: jsonSink,
};
