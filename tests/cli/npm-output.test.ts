import { describe, expect, it } from 'vitest';
import { AWS_FRIENDLY_TRAINING } from '../support/advisor.js';
import { runCommand } from '../support/run-command.js';
import { answerFiles } from './cli-files.js';

const { file } = answerFiles();
const good = file('good.json', AWS_FRIENDLY_TRAINING);
const bad = file('bad.jsonl', `${JSON.stringify(AWS_FRIENDLY_TRAINING)}\n{"workload":"x"}\n`);
// npx finds the project's own `chip-advice` bin; offline proves it never asks the registry.
const offline = { env: { npm_config_offline: 'true' } };
/**
 * A guard against a hung command, not a timing assertion: npm and npx take a second or two
 * each on an idle machine, and many times that when the machine is busy.
 */
const NPM_TIMEOUT_MS = 90_000;

/** The two forms the README gives for scripts, exactly as written there. */
const FORMS = {
  'npm run -s advise --': ['npm', ['run', '-s', 'advise', '--']],
  'npx chip-advice': ['npx', ['chip-advice']],
} as const;

describe.each(Object.entries(FORMS))('%s', (_form, [command, prefix]) => {
  const run = (args: string[], input?: string) =>
    runCommand(command, [...prefix, ...args], {
      ...offline,
      ...(input === undefined ? {} : { input }),
    });

  it(
    'prints nothing but the JSON on standard output',
    async () => {
      const result = await run(['--answers', good, '--json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).recommendation.chip).toBe('trainium');
      expect(result.stderr).toBe('');
    },
    NPM_TIMEOUT_MS,
  );

  it.each([
    [
      'invalid answers',
      ['--answers', bad, '--json'],
      /workload #2 \(line 2\): workload: must be one of/,
    ],
    ['an unknown flag', ['--answer', good], /Unknown option '--answer'/],
    [
      'input that ends at the prompts',
      ['--interactive'],
      /input ended before the answers were confirmed/,
    ],
  ])(
    'leaves standard output empty on %s, exit code 2',
    async (_case, args, message) => {
      const result = await run(args, '');
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/npm (error|ERR)/);
    },
    NPM_TIMEOUT_MS,
  );
});

describe('npm start', () => {
  it(
    'puts no npm error on standard output when the app cannot start',
    async () => {
      const silent = await runCommand('npm', ['start', '-s'], offline);
      expect(silent.code).toBe(1);
      expect(silent.stdout).toBe('');
      expect(silent.stderr).toMatch(/^chip-advice: SLACK_BOT_TOKEN is missing/);

      const plain = await runCommand('npm', ['start'], offline);
      expect(plain.code).toBe(1);
      // Without -s npm prints its "> chip-advice start" banner, and nothing else.
      expect(plain.stdout.trim().split('\n')).toEqual([
        expect.stringMatching(/^> chip-advice@\S+ start$/),
        '> exec node dist/main.js',
      ]);
    },
    NPM_TIMEOUT_MS,
  );
});
