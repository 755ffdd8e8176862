import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_RULES_DIR } from '../../src/core/index.js';

// biome-ignore lint/suspicious/noExplicitAny: tests reach into rule JSON at arbitrary paths to break it.
type Json = any;

/** A throw-away copy of rules/ that a test may break; removed by `cleanup`. */
export function copyRules(): {
  dir: string;
  edit: (file: string, change: (json: Json) => void) => void;
  write: (file: string, text: string) => void;
  cleanup: () => void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'chip-advice-rules-'));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  return {
    dir,
    edit(file, change) {
      const full = path.join(dir, file);
      const json = JSON.parse(readFileSync(full, 'utf8'));
      change(json);
      writeFileSync(full, JSON.stringify(json, null, 2));
    },
    write(file, text) {
      writeFileSync(path.join(dir, file), text);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
