import {
  BATCH_BYTES,
  BATCH_SIZE,
  type InputItem,
  MAX_ITEM_BYTES,
  MAX_ITEM_TEXT,
  stripBom,
} from './items.js';
import { readChunks } from './read-chunks.js';

const NEWLINE = 0x0a;

/**
 * The non-blank lines of a JSON Lines file as workloads, in batches, each line left as text
 * for whoever checks or advises it to parse. Blank lines are skipped but counted, so `line`
 * is the line an editor shows.
 *
 * Hand-written rather than node:readline because readline has no bound on a line's length: a
 * file without newlines would be held whole (and past 512 MB, fail as "Invalid string
 * length"). Here a line over {@link MAX_ITEM_BYTES} is reported as unreadable and skipped
 * without being held. Splitting bytes on "\n" is safe in UTF-8, where no multi-byte
 * character contains that byte.
 */
export async function* jsonLines(file: string): AsyncGenerator<InputItem[]> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let oversize = false;
  let line = 0;
  let position = 0;
  let batch: InputItem[] = [];
  let batchBytes = 0;

  const endLine = (last: Buffer): InputItem | undefined => {
    line += 1;
    const tooLong = oversize || pendingBytes + last.length > MAX_ITEM_BYTES;
    const bytes = tooLong || pending.length === 0 ? last : Buffer.concat([...pending, last]);
    pending = [];
    pendingBytes = 0;
    oversize = false;
    if (tooLong) {
      position += 1;
      return { position, line, unreadable: `is longer than ${MAX_ITEM_TEXT}` };
    }
    const decoded = bytes.toString('utf8');
    const text = (line === 1 ? stripBom(decoded) : decoded).trim();
    if (text === '') return undefined;
    position += 1;
    return { position, line, text };
  };

  for await (const bytes of readChunks(file)) {
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      const item = endLine(bytes.subarray(start, end));
      start = end + 1;
      if (item) {
        batch.push(item);
        batchBytes += item.text?.length ?? 0;
      }
      if (batch.length >= BATCH_SIZE || batchBytes >= BATCH_BYTES) {
        yield batch;
        batch = [];
        batchBytes = 0;
      }
    }
    const rest = bytes.subarray(start);
    if (!oversize && pendingBytes + rest.length > MAX_ITEM_BYTES) {
      oversize = true;
      pending = [];
      pendingBytes = 0;
    }
    if (!oversize && rest.length > 0) {
      // A copy, so the rest of a 256 KB chunk is not kept alive by a few bytes of it.
      pending.push(Buffer.from(rest));
      pendingBytes += rest.length;
    }
  }
  const last = pendingBytes > 0 || oversize ? endLine(Buffer.alloc(0)) : undefined;
  if (last) batch.push(last);
  if (batch.length > 0) yield batch;
}
