import type { Writable } from 'node:stream';

/** Where a batch is, for the progress line. */
export type Phase = 'checking' | 'advising';

/** A progress line on standard error that never gets in the way of other output. */
export interface Progress {
  update(phase: Phase, done: number, total?: number): void;
  /** Takes the line off the screen until the next update (before output on the same terminal). */
  clear(): void;
  /** A line of its own (a problem found), written above the progress line. */
  log(line: string): void;
  /** Clears the line for good. */
  stop(): void;
}

export interface ProgressOptions {
  /** Nothing is shown before the batch has run this long. */
  readonly delayMs?: number;
  readonly intervalMs?: number;
}

const CLEAR_LINE = '\r\x1b[2K';
const count = (n: number) => n.toLocaleString('en-US');

/**
 * Reports how far a batch is, once a second has passed, on `stream` when it is a terminal,
 * redrawn four times a second. On anything else (a file, a pipe, a CI log) only
 * {@link Progress.log} lines are written: a progress line there is noise.
 */
export function createProgress(
  stream: Writable & { readonly isTTY?: boolean; readonly columns?: number },
  { delayMs = 1000, intervalMs = 250 }: ProgressOptions = {},
): Progress {
  if (!stream.isTTY) {
    return { update() {}, clear() {}, log: (line) => stream.write(`${line}\n`), stop() {} };
  }
  const started = Date.now();
  let text = '';
  let shown = false;
  const draw = () => {
    if (text === '' || Date.now() - started < delayMs) return;
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    stream.write(`${CLEAR_LINE}${text.slice(0, width)}`);
    shown = true;
  };
  const timer = setInterval(draw, intervalMs);
  timer.unref();
  const clear = () => {
    if (!shown) return;
    stream.write(CLEAR_LINE);
    shown = false;
  };
  return {
    update(phase, done, total) {
      const of = total === undefined ? '' : ` of ${count(total)}`;
      const percent = total ? ` (${Math.floor((done / total) * 100)}%)` : '';
      text = `chip-advice: ${phase} ${count(done)}${of} workloads${percent}…`;
    },
    clear,
    log(line) {
      clear();
      stream.write(`${line}\n`);
    },
    stop() {
      clearInterval(timer);
      clear();
    },
  };
}
