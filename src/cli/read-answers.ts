import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { describeJsonError } from '../core/index.js';

/** One workload as read from the input, with where it came from. */
export interface InputItem {
  /** 1-based position in the input. */
  readonly position: number;
  /** 1-based line, for JSON Lines input. */
  readonly line?: number;
  readonly value: unknown;
}

export type InputShape = 'object' | 'array' | 'lines';

export type ReadResult =
  | { readonly ok: true; readonly shape: InputShape; readonly items: readonly InputItem[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Reads a file, or standard input for "-". Errors come back as problems, never thrown. */
export async function readAnswersSource(source: string, stdin: Readable): Promise<ReadResult> {
  let text: string;
  try {
    text = source === '-' ? await readStream(stdin) : await readFile(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    return { ok: false, problems: [`cannot read ${source}: ${why}`] };
  }
  return parseAnswersText(text, source === '-' ? 'standard input' : source);
}

async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A JSON object, a JSON array, or JSON Lines. A document that is not valid JSON is read as
 * JSON Lines only when it has several non-blank lines and its first one parses on its own;
 * otherwise the JSON error is reported with its line and column.
 */
export function parseAnswersText(raw: string, name: string): ReadResult {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '')
    return { ok: false, problems: [`${name} is empty: expected answers as JSON`] };
  try {
    const json: unknown = JSON.parse(text);
    if (Array.isArray(json)) {
      if (json.length === 0)
        return { ok: false, problems: [`${name} holds an empty array: no workloads to evaluate`] };
      return {
        ok: true,
        shape: 'array',
        items: json.map((value, i) => ({ position: i + 1, value })),
      };
    }
    return { ok: true, shape: 'object', items: [{ position: 1, value: json }] };
  } catch (error) {
    const lines = text.split(/\r?\n/).map((line, i) => ({ line: i + 1, text: line.trim() }));
    const filled = lines.filter((line) => line.text !== '');
    if (filled.length < 2 || !parsesAlone(filled[0]?.text ?? '')) {
      return {
        ok: false,
        problems: [`${name} is not valid JSON: ${describeJsonError(text, error)}`],
      };
    }
    return parseLines(filled, name);
  }
}

function parseLines(lines: { line: number; text: string }[], name: string): ReadResult {
  const items: InputItem[] = [];
  const problems: string[] = [];
  lines.forEach(({ line, text }, i) => {
    try {
      items.push({ position: i + 1, line, value: JSON.parse(text) });
    } catch (error) {
      problems.push(`${name} line ${line} is not valid JSON: ${describeJsonError(text, error)}`);
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, shape: 'lines', items };
}

function parsesAlone(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
