import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../src/cli/batch/progress.js';

const CLEAR = '\r\x1b[2K';

/** A stream that records what is written, a terminal or not. */
function stream(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  const out = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        writes.push(String(chunk));
        done();
      },
    }),
    { isTTY, columns },
  );
  return { out, writes };
}

describe('the progress line', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('appears on a terminal only once the batch has run for a second', () => {
    const { out, writes } = stream(true);
    const progress = createProgress(out);
    progress.update('advising', 500, 1_000);
    vi.advanceTimersByTime(900);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(writes).toEqual([`${CLEAR}chip-advice: advising 500 of 1,000 workloads (50%)…`]);
    progress.stop();
    expect(writes.at(-1)).toBe(CLEAR);
  });

  it('counts what was checked while the total is not known yet', () => {
    const { out, writes } = stream(true);
    const progress = createProgress(out);
    progress.update('checking', 12_345);
    vi.advanceTimersByTime(1_000);
    expect(writes.at(-1)).toBe(`${CLEAR}chip-advice: checking 12,345 workloads…`);
    progress.stop();
  });

  it('clears itself before a line of its own and is drawn again after', () => {
    const { out, writes } = stream(true);
    const progress = createProgress(out);
    progress.update('checking', 10);
    vi.advanceTimersByTime(1_000);
    progress.log('chip-advice: workload #3: priority: must be one of …');
    expect(writes.slice(-2)).toEqual([
      CLEAR,
      'chip-advice: workload #3: priority: must be one of …\n',
    ]);
    vi.advanceTimersByTime(250);
    expect(writes.at(-1)).toBe(`${CLEAR}chip-advice: checking 10 workloads…`);
    progress.stop();
  });

  it('fits the terminal it is on', () => {
    const { out, writes } = stream(true, 30);
    const progress = createProgress(out);
    progress.update('advising', 123_456, 1_000_000);
    vi.advanceTimersByTime(1_000);
    expect(writes.at(-1)).toBe(`${CLEAR}chip-advice: advising 123,456`);
    progress.stop();
  });

  it('writes nothing but the lines of its own when not on a terminal', () => {
    const { out, writes } = stream(false);
    const progress = createProgress(out);
    progress.update('advising', 1, 2);
    vi.advanceTimersByTime(5_000);
    progress.log('a problem');
    progress.stop();
    expect(writes).toEqual(['a problem\n']);
  });
});
