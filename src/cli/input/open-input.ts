import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InputInvalidError } from '../errors.js';
import {
  type InputItem,
  type InputShape,
  MAX_ITEM_BYTES,
  MAX_ITEM_TEXT,
  stripBom,
} from './items.js';
import { jsonArray } from './json-array.js';
import { jsonLines } from './json-lines.js';
import { openSource, type Source } from './source.js';

/** The answers given with `--answers`, ready to be read as often as needed. */
export interface Input {
  /** What messages call it: the path as given, or "standard input". */
  readonly name: string;
  readonly shape: InputShape;
  readonly bytes: number;
  /** A fresh read of every workload, in input order and in batches. */
  batches(): AsyncIterable<InputItem[]>;
  /** Removes the copy of standard input, if one was made. */
  close(): Promise<void>;
}

/**
 * Opens `--answers` and tells its shape: a JSON array (starts with "["), JSON Lines (two or
 * more non-blank lines, the first of which parses alone), or one JSON object (anything else,
 * read whole: it is one workload).
 * @throws {InputInvalidError} when the file cannot be read, is empty, or is not JSON.
 */
export async function openInput(answers: string, stdin: Readable): Promise<Input> {
  const source = await openSource(answers, stdin);
  try {
    return await detect(source);
  } catch (error) {
    await source.close();
    throw error;
  }
}

async function detect(source: Source): Promise<Input> {
  const { name, path: file } = source;
  const input = (shape: InputShape, batches: () => AsyncIterable<InputItem[]>): Input => ({
    name,
    shape,
    bytes: source.bytes,
    batches,
    close: () => source.close(),
  });
  const first = await firstCharacter(file);
  if (first === undefined)
    throw new InputInvalidError([`${name} is empty: expected answers as JSON`]);
  if (first === '[') return input('array', () => jsonArray(file, name));

  const lines: InputItem[] = [];
  for await (const batch of jsonLines(file)) {
    lines.push(...batch.slice(0, 2 - lines.length));
    if (lines.length === 2) break;
  }
  const [head, second] = lines;
  const alone = head?.text === undefined ? undefined : parsesAlone(head.text);
  if (alone && second) return input('lines', () => jsonLines(file));
  if (alone) return input('object', () => once({ position: 1, value: alone.value }));

  if (source.bytes > MAX_ITEM_BYTES) {
    throw new InputInvalidError([
      `${name} is larger than ${MAX_ITEM_TEXT} but is neither a JSON array nor JSON Lines (its first line is not JSON on its own)`,
    ]);
  }
  const text = stripBom(await readFile(file, 'utf8'));
  try {
    const value: unknown = JSON.parse(text);
    return input('object', () => once({ position: 1, value }));
  } catch (error) {
    // Loaded only here, so that reading a batch does not load the advisor in the main thread.
    const { describeJsonError } = await import('../../core/index.js');
    throw new InputInvalidError([`${name} is not valid JSON: ${describeJsonError(text, error)}`]);
  }
}

/** One workload already in memory (the answers typed at the prompts) as an {@link Input}. */
export function inputOf(value: unknown, name: string): Input {
  return {
    name,
    shape: 'object',
    bytes: 0,
    batches: () => once({ position: 1, value }),
    close: async () => {},
  };
}

async function* once(item: InputItem): AsyncGenerator<InputItem[]> {
  yield [item];
}

function parsesAlone(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

const BOM = [0xef, 0xbb, 0xbf];
const BLANK = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** The first character that is not a byte-order mark or whitespace, if any. */
async function firstCharacter(file: string): Promise<string | undefined> {
  let index = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
    for (const byte of chunk as Buffer) {
      const inBom = index < BOM.length && byte === BOM[index];
      index += 1;
      if (inBom || BLANK.has(byte)) continue;
      return String.fromCharCode(byte);
    }
  }
  return undefined;
}
