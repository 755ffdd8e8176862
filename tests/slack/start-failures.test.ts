import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRules } from '../support/rules-dir.js';
import { type CommandResult, runCommand } from '../support/run-command.js';

/**
 * `npm start` as an operator runs it, with one thing wrong in the environment or the rules: it
 * must stop with one message naming the problem (the variable; the file and JSON path), exit
 * non-zero, and print no stack trace.
 */

const GOOD = {
  SLACK_BOT_TOKEN: 'xoxb-1-start-failures',
  SLACK_SIGNING_SECRET: 'start-failures-signing-secret',
  // Never reached: every case stops before connecting; an unused port keeps it local anyway.
  SLACK_API_URL: 'http://127.0.0.1:9/api/',
  PORT: '0',
};

const broken = copyRules();
broken.edit('checklist.json', (json) => {
  json.rules[1].event.params.points = { inferentai: 2 };
});
const contradictory = copyRules();
contradictory.edit('when-nvidia-is-required.json', (json) => {
  json.rules[0].event.params.require = ['trainium'];
});
const unparsable = copyRules();
unparsable.write('next-steps.json', '{ "rules": [ }');

const without = (name: keyof typeof GOOD) =>
  Object.fromEntries(Object.entries(GOOD).filter(([key]) => key !== name));

const CASES: [string, Record<string, string>, string][] = [
  [
    'SLACK_BOT_TOKEN is missing',
    without('SLACK_BOT_TOKEN'),
    'SLACK_BOT_TOKEN is missing: install the app',
  ],
  [
    'SLACK_BOT_TOKEN has the wrong prefix',
    { ...GOOD, SLACK_BOT_TOKEN: 'xoxp-user-token-not-a-bot' },
    'SLACK_BOT_TOKEN must start with xoxb- (got a value starting with "xoxp-")',
  ],
  [
    'SLACK_SIGNING_SECRET is missing in HTTP mode',
    without('SLACK_SIGNING_SECRET'),
    'SLACK_SIGNING_SECRET is missing (it is required in HTTP mode',
  ],
  [
    'PORT is not a number',
    { ...GOOD, PORT: 'eighty' },
    'PORT must be a port number (got "eighty")',
  ],
  [
    'SLACK_API_URL is not http(s)',
    { ...GOOD, SLACK_API_URL: 'ftp://slack.example/api' },
    'SLACK_API_URL must be an http(s) URL',
  ],
  ['LOG_LEVEL is unknown', { ...GOOD, LOG_LEVEL: 'loud' }, 'LOG_LEVEL is not a log level'],
  [
    'a rule file is broken',
    { ...GOOD, RULES_DIR: broken.dir },
    `${path.join(broken.dir, 'checklist.json')}: rules[1] ("inference-spend-over-threshold").event.params.points.inferentai: unknown chip "inferentai"`,
  ],
  [
    'a rule file is not JSON',
    { ...GOOD, RULES_DIR: unparsable.dir },
    `${path.join(unparsable.dir, 'next-steps.json')}: is not valid JSON`,
  ],
  [
    'two rules contradict each other',
    { ...GOOD, RULES_DIR: contradictory.dir },
    `contradictory constraints at priority 100: ${path.join(contradictory.dir, 'when-nvidia-is-required.json')} rules[0]`,
  ],
];

const results = new Map<string, CommandResult>();
beforeAll(async () => {
  // In parallel: each is a whole `npm start`.
  const runs = CASES.map(async ([name, env]) => {
    results.set(
      name,
      await runCommand('npm', ['start'], { env: { ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'info' } }),
    );
  });
  await Promise.all(runs);
}, 60_000);
afterAll(() => {
  for (const rules of [broken, contradictory, unparsable]) rules.cleanup();
});

describe('npm start with a bad environment or bad rules', () => {
  it('names both sides of a contradiction', () => {
    expect(results.get('two rules contradict each other')?.stderr).toContain(
      `${path.join(contradictory.dir, 'when-nvidia-is-required.json')} rules[0] ("novel-architecture-needs-cuda", requires trainium)`,
    );
  });

  it.each(CASES)('stops when %s, naming it, without a stack trace', (name, _env, message) => {
    const result = results.get(name);
    expect(result?.code).not.toBe(0);
    expect(result?.code).not.toBeNull();
    const lines = (result?.stderr ?? '')
      .split('\n')
      .filter((line) => line.startsWith('chip-advice: '));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
    expect(result?.stderr).not.toMatch(/^\s+at /m);
    expect(result?.stdout).not.toContain('listening on port');
  });
});
