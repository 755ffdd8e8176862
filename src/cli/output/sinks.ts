import type { OutputName } from '../args.js';
import { csvSink } from './csv/sink.js';
import type { AnySinkFactory } from './format.js';
import { jsonSink } from './json/sink.js';
import { portfolioJsonSink } from './portfolio/json-sink.js';
import { portfolioTextSink } from './portfolio/text-sink.js';
import { textSink } from './text/sink.js';

/**
 * The main thread's half of each output format (see format.ts). Nothing here imports the
 * advisor (only core/portfolio and core/figures, which load no rules engine), so that the main thread of a large batch stays small.
 */
export const SINKS: Readonly<Record<OutputName, AnySinkFactory>> = {
  text: textSink,
  json: jsonSink,
  csv: csvSink,
  'portfolio-text': portfolioTextSink,
  'portfolio-json': portfolioJsonSink,
};
