const NEWLINE = 0x0a;

/**
 * The line an offset of a file is on, for readers that see the file a chunk at a time and ask
 * about offsets that only grow (where each workload of a JSON array starts). Each chunk is
 * scanned once, so a batch of any size costs one pass over its bytes. `enter` a chunk before
 * reading it and `leave` it before the next read (readChunks reuses its buffer).
 */
export function lineCounter() {
  let chunk: Uint8Array = new Uint8Array(0);
  let chunkStart = 0;
  let scanned = 0;
  let line = 1;
  const countTo = (end: number) => {
    for (let i = chunk.indexOf(NEWLINE, scanned); i !== -1 && i < end; ) {
      line += 1;
      i = chunk.indexOf(NEWLINE, i + 1);
    }
    scanned = Math.max(scanned, end);
  };
  return {
    enter(bytes: Uint8Array, offset: number): void {
      chunk = bytes;
      chunkStart = offset;
      scanned = 0;
    },
    leave(): void {
      countTo(chunk.length);
    },
    /** The 1-based line of `offset`; undefined for an offset in a chunk already left. */
    lineAt(offset: number): number | undefined {
      const at = offset - chunkStart;
      if (at < scanned) return undefined;
      countTo(at);
      return line;
    },
  };
}
