import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR } from '../../src/core/index.js';
import { ruleset } from '../support/advisor.js';

const readme = readFileSync(path.join(DEFAULT_RULES_DIR, 'README.md'), 'utf8');
const rows = new Map(
  readme
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    // The rule table has six columns (eight cells around the pipes); other tables have fewer.
    .filter((cells) => cells.length === 8)
    .map((cells) => [/`([^`]+)`/.exec(cells[1] ?? '')?.[1], cells]),
);

describe('rules/README.md', () => {
  it.each(ruleset.rules.map((rule) => [rule.name, rule] as const))(
    'documents %s with its file, type, priority and article section',
    (name, rule) => {
      const cells = rows.get(name);
      expect(cells, `no row for ${name}`).toBeDefined();
      const [, , file, type, priority, , source] = cells ?? [];
      expect(file).toBe(path.basename(rule.file));
      expect(type).toBe(rule.event.type);
      expect(Number(priority)).toBe(rule.priority);
      expect(source?.startsWith(rule.event.params.source)).toBe(true);
    },
  );

  it('documents no rule that does not exist', () => {
    const names = new Set(ruleset.rules.map((rule) => rule.name));
    expect([...rows.keys()].filter((name) => name && !names.has(name))).toEqual([]);
  });
});
