import { renameSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRuleset } from '../../src/core/index.js';
import { rulesVersion } from '../../src/storage/index.js';
import { copyRules } from '../support/rules-dir.js';

describe('rulesVersion', () => {
  let rules: ReturnType<typeof copyRules>;
  afterEach(() => rules?.cleanup());

  it('is the same for the same files, wherever they are and whatever their dates', () => {
    rules = copyRules();
    const bundled = rulesVersion();
    expect(bundled).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(rulesVersion(rules.dir)).toBe(bundled);
    utimesSync(path.join(rules.dir, 'chips.json'), new Date(0), new Date(0));
    expect(rulesVersion(rules.dir)).toBe(bundled);
    // Files the loader does not read do not count.
    writeFileSync(path.join(rules.dir, 'NOTES.md'), 'not a rule');
    expect(rulesVersion(rules.dir)).toBe(bundled);
  });

  it('is the version loadRuleset gives the rules it loaded (the hash of the bytes it read)', () => {
    rules = copyRules();
    rules.edit('chips.json', (json) => {
      json.chips[0].summary = `${json.chips[0].summary} (edited)`;
    });
    expect(loadRuleset(rules.dir).version).toBe(rulesVersion(rules.dir));
    expect(loadRuleset(rules.dir).version).not.toBe(loadRuleset().version);
  });

  it.each([
    [
      'a changed byte',
      (dir: string) => writeFileSync(path.join(dir, 'chips.json'), ' ', { flag: 'a' }),
    ],
    [
      'an added rule file',
      (dir: string) => writeFileSync(path.join(dir, 'zz-extra.json'), '{"rules":[]}'),
    ],
    [
      'a renamed file',
      (dir: string) => renameSync(path.join(dir, 'article.json'), path.join(dir, 'article2.json')),
    ],
  ])('changes with %s', (_name, change) => {
    rules = copyRules();
    const before = rulesVersion(rules.dir);
    change(rules.dir);
    expect(rulesVersion(rules.dir)).not.toBe(before);
  });
});
