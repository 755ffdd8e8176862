import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputInvalidError } from '../errors.js';

/** The answers as a regular file, which the batch reads twice: to check, then to advise. */
export interface Source {
  readonly path: string;
  /** What messages call it: the path as given, or "standard input". */
  readonly name: string;
  readonly bytes: number;
  /** Removes the copy of standard input, if one was made. */
  close(): Promise<void>;
}

/** Copies of standard input not yet removed, for {@link removeSpoolsSync}. */
const spools = new Set<string>();

/**
 * Opens `--answers`: a regular file as it is; standard input ("-"), a pipe or a device is
 * first copied to a temporary file, because nothing may be printed before every workload is
 * known to be valid, and holding a million workloads in memory instead would not stay flat.
 * @throws {InputInvalidError} when the file cannot be read.
 */
export async function openSource(answers: string, stdin: Readable): Promise<Source> {
  if (answers === '-') return spool(stdin, 'standard input');
  try {
    const info = await stat(answers);
    if (info.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    await (await open(answers, 'r')).close();
    if (!info.isFile()) return await spool(createReadStream(answers), answers);
    return { path: answers, name: answers, bytes: info.size, close: async () => {} };
  } catch (error) {
    if (error instanceof InputInvalidError) throw error;
    throw new InputInvalidError([`cannot read ${answers}: ${readProblem(error)}`], {
      cause: error,
    });
  }
}

async function spool(input: Readable, name: string): Promise<Source> {
  const dir = await mkdtemp(path.join(tmpdir(), 'chip-advice-'));
  spools.add(dir);
  const file = path.join(dir, 'answers');
  const close = async () => {
    spools.delete(dir);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await pipeline(input, createWriteStream(file));
    return { path: file, name, bytes: (await stat(file)).size, close };
  } catch (error) {
    await close();
    throw new InputInvalidError([`cannot read ${name}: ${readProblem(error)}`], { cause: error });
  }
}

function readProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Removes every copy of standard input now, for a process stopped by a signal. */
export function removeSpoolsSync(): void {
  for (const dir of spools) rmSync(dir, { recursive: true, force: true });
  spools.clear();
}
