import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_RULES_DIR } from '../core/index.js';

/**
 * Which rules decided a recorded advice: `sha256:` and the first 16 hex digits of a hash over
 * every `*.json` file in the rules folder (the files the loader reads), by name order, each
 * file's name and bytes. The same files give the same version on any machine, whatever their
 * dates; changing, adding, removing or renaming a file changes it. Call it when the rules are
 * loaded (the loader has just read the folder, so an unreadable file has already stopped the start).
 */
export function rulesVersion(dir: string = DEFAULT_RULES_DIR): string {
  const hash = createHash('sha256');
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of names) {
    const bytes = readFileSync(path.join(dir, name));
    // Lengths first, so that no two different sets of files hash the same stream of bytes.
    hash.update(`${Buffer.byteLength(name)}:${name}:${bytes.length}:`);
    hash.update(bytes);
  }
  return `sha256:${hash.digest('hex').slice(0, 16)}`;
}
