import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_RULES_DIR, versionOfRuleFiles } from '../core/index.js';

/**
 * The version `loadRuleset(dir).version` gives, read again from the folder: `sha256:` and 16 hex
 * digits over every `*.json` file's name and bytes (see `versionOfRuleFiles`). The app records
 * the loaded ruleset's own version; this is for tools that only have the folder.
 */
export function rulesVersion(dir: string = DEFAULT_RULES_DIR): string {
  const names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  return versionOfRuleFiles(
    names.map((name) => ({ name, bytes: readFileSync(path.join(dir, name)) })),
  );
}
