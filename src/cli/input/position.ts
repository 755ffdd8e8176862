import { createReadStream } from 'node:fs';

/**
 * The line and column (1-based, in characters) of a byte offset in a UTF-8 file, read as a
 * stream so that a long line costs no memory. Only used to word an error.
 */
export async function lineAndColumn(
  file: string,
  offset: number,
): Promise<{ line: number; column: number }> {
  let line = 1;
  let column = 1;
  if (offset <= 0) return { line, column };
  const stream = createReadStream(file, { start: 0, end: offset - 1 });
  for await (const chunk of stream) {
    for (const byte of chunk as Buffer) {
      if (byte === 0x0a) {
        line += 1;
        column = 1;
      } else if ((byte & 0xc0) !== 0x80) {
        // A byte that starts a character (UTF-8 continuation bytes are 10xxxxxx).
        column += 1;
      }
    }
  }
  return { line, column };
}
