import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineCounter } from '../../src/cli/input/line-counter.js';

/** The line of each offset, counted the plain way over the whole text. */
const naiveLine = (bytes: Uint8Array, offset: number) =>
  1 + bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length;

/** Feeds `bytes` in chunks of the given sizes, asking for `offsets` (ascending) as they go by. */
function linesOf(bytes: Uint8Array, sizes: readonly number[], offsets: readonly number[]) {
  const counter = lineCounter();
  const found: (number | undefined)[] = [];
  let start = 0;
  let next = 0;
  for (let i = 0; start < bytes.length; i += 1) {
    const size = Math.max(1, sizes[i % sizes.length] ?? 1);
    // A reused buffer, as readChunks gives: the chunk is overwritten after it is left.
    const chunk = new Uint8Array(bytes.subarray(start, start + size));
    counter.enter(chunk, start);
    while (next < offsets.length && (offsets[next] as number) < start + chunk.length) {
      found.push(counter.lineAt(offsets[next] as number));
      next += 1;
    }
    counter.leave();
    chunk.fill(0x0a);
    start += chunk.length;
  }
  return found;
}

describe('the line counter of JSON array input', () => {
  it.each([
    ['one line', 'abc', [0, 2], [1, 1]],
    ['offsets on and after newlines', 'a\nb\n\nc', [1, 2, 5], [1, 2, 4]],
    ['CRLF counts one line per LF', 'a\r\nb\r\nc', [0, 3, 6], [1, 2, 3]],
  ])('%s', (_name, text, offsets, expected) => {
    const bytes = new TextEncoder().encode(text);
    expect(linesOf(bytes, [2], offsets)).toEqual(expected);
  });

  it('gives the same line as counting the whole text, however the chunks fall', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '\n', '{', ' ') }).filter((text) => text.length > 0),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (text, sizes, picks) => {
          const bytes = new TextEncoder().encode(text);
          const offsets = [...new Set(picks.map((pick) => pick % bytes.length))].sort(
            (a, b) => a - b,
          );
          expect(linesOf(bytes, sizes, offsets)).toEqual(offsets.map((at) => naiveLine(bytes, at)));
        },
      ),
    );
  });

  it('does not guess the line of an offset in a chunk already left', () => {
    const counter = lineCounter();
    counter.enter(new TextEncoder().encode('a\nb'), 0);
    counter.leave();
    counter.enter(new TextEncoder().encode('\nc'), 3);
    expect(counter.lineAt(1)).toBeUndefined();
    expect(counter.lineAt(4)).toBe(3);
  });
});
