import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { formatPath } from '../answer-issues.js';
import { RulesetInvalidError } from '../errors.js';
import { describeJsonError } from '../json-error.js';
import { assertNoContradictions } from './contradictions.js';
import { buildRuleset, type RuleFile, type Ruleset } from './ruleset.js';
import { articleFileSchema, chipsFileSchema, ruleFileSchema } from './schema.js';
import { type RuleFileBytes, versionOfRuleFiles } from './version.js';

/** `rules/` at the package root, from both `src/core/ruleset` and `dist/core/ruleset`. */
export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../../rules/', import.meta.url));

const CHIPS_FILE = 'chips.json';
const ARTICLE_FILE = 'article.json';

/**
 * Loads and validates everything under `rules/`: `chips.json`, `article.json` and every other
 * `*.json` as a rule file. Throws {@link RulesetInvalidError} naming the file and the JSON path
 * of the first broken file, or a contradiction error when constraints cannot be satisfied.
 * Its `version` is a hash of exactly the bytes read.
 */
export function loadRuleset(dir: string = DEFAULT_RULES_DIR): Ruleset & { version: string } {
  const names = listJsonFiles(dir);
  const read: RuleFileBytes[] = [];
  for (const required of [CHIPS_FILE, ARTICLE_FILE]) {
    if (!names.includes(required)) {
      throw new RulesetInvalidError(display(dir, required), ['file is missing']);
    }
  }
  const chips = parseFile(dir, CHIPS_FILE, chipsFileSchema, read).chips;
  const article = parseFile(dir, ARTICLE_FILE, articleFileSchema, read);
  const ruleFiles: RuleFile[] = names
    .filter((name) => name !== CHIPS_FILE && name !== ARTICLE_FILE)
    .map((name) => ({
      file: display(dir, name),
      rules: parseFile(dir, name, ruleFileSchema, read).rules,
    }));
  if (ruleFiles.length === 0) {
    throw new RulesetInvalidError(display(dir, '*.json'), ['no rule files found']);
  }
  const ruleset = buildRuleset(chips, article, ruleFiles, display(dir, CHIPS_FILE));
  assertNoContradictions(ruleset);
  return { ...ruleset, version: versionOfRuleFiles(read) };
}

function listJsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new RulesetInvalidError(
      display(dir, ''),
      [`cannot read the rules folder: ${reason(error)}`],
      {
        cause: error,
      },
    );
  }
}

function parseFile<T>(dir: string, name: string, schema: z.ZodType<T>, read: RuleFileBytes[]): T {
  const file = display(dir, name);
  let text: string;
  try {
    const bytes = readFileSync(path.join(dir, name));
    read.push({ name, bytes });
    text = bytes.toString('utf8');
  } catch (error) {
    throw new RulesetInvalidError(file, [`cannot read the file: ${reason(error)}`], {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RulesetInvalidError(file, [`is not valid JSON: ${describeJsonError(text, error)}`], {
      cause: error,
    });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new RulesetInvalidError(
      file,
      result.error.issues.map((issue) => describe(issue, json)),
    );
  }
  return result.data;
}

/** "rules[3] ("inference-spend-over-threshold").event.params.points: must not be 0". */
function describe(issue: z.core.$ZodIssue, json: unknown): string {
  const [top, index] = issue.path;
  let where = formatPath(issue.path) || '(top level)';
  if (top === 'rules' && typeof index === 'number') {
    const name = (json as { rules?: { name?: unknown }[] }).rules?.[index]?.name;
    if (typeof name === 'string') where = where.replace(/^rules\[\d+\]/, (m) => `${m} ("${name}")`);
  }
  return `${where}: ${issue.message}`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Paths in messages are relative to the working directory when that is shorter. */
function display(dir: string, name: string): string {
  const full = path.join(dir, name);
  const relative = path.relative(process.cwd(), full);
  return relative.startsWith('..') || relative === '' ? full : relative;
}
