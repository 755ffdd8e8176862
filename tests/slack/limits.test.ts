import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { context } from '../../src/slack/messages/kit.js';
import { capBlocks, packLines, truncate } from '../../src/slack/messages/limits.js';

describe('truncate', () => {
  it('leaves short text alone and cuts long text with an ellipsis', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
  });

  it('never splits an emoji (a surrogate pair)', () => {
    expect(truncate('ab🚀cd', 4)).toBe('ab…');
  });

  it('never returns more than max code units', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 2, max: 100 }),
        (text, max) => {
          expect(truncate(text, max).length).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});

describe('packLines', () => {
  it('packs lines in order into as few chunks as fit', () => {
    expect(packLines(['aaa', 'bbb', 'ccc'], 7)).toEqual(['aaa\nbbb', 'ccc']);
    expect(packLines([], 10)).toEqual([]);
  });

  it('keeps every line and every chunk within the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 40 }), (lines) => {
        const chunks = packLines(lines, 50);
        for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(50);
        expect(chunks.join('\n').split('\n').length).toBeGreaterThanOrEqual(
          lines.filter((line) => line !== '').length,
        );
      }),
    );
  });
});

describe('capBlocks', () => {
  it('replaces what does not fit with one note', () => {
    const blocks = Array.from({ length: 53 }, (_, i) => context(`block ${i}`));
    const capped = capBlocks(blocks, 50, (omitted) => context(`${omitted} omitted`));
    expect(capped).toHaveLength(50);
    expect(capped[48]).toEqual(context('block 48'));
    expect(capped[49]).toEqual(context('4 omitted'));
  });

  it('leaves a message that fits alone', () => {
    const blocks = [context('a'), context('b')];
    expect(capBlocks(blocks, 50, () => context('never'))).toEqual(blocks);
  });
});
