import { createHash } from 'node:crypto';

/** One rule file as the loader read it: its name in the folder and its bytes. */
export interface RuleFileBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Which rules decided an advice: `sha256:` and the first 16 hex digits of a hash over every
 * file the loader read, by name order, each file's name and bytes. The same files give the same
 * version on any machine, whatever their dates; changing, adding, removing or renaming a file
 * changes it.
 */
export function versionOfRuleFiles(files: readonly RuleFileBytes[]): string {
  const hash = createHash('sha256');
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, bytes } of sorted) {
    // Lengths first, so that no two different sets of files hash the same stream of bytes.
    hash.update(`${Buffer.byteLength(name)}:${name}:${bytes.length}:`);
    hash.update(bytes);
  }
  return `sha256:${hash.digest('hex').slice(0, 16)}`;
}
