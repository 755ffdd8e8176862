import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import { childEnv, ROOT } from '../../testkit/project.js';
import { AWS_FRIENDLY_TRAINING } from '../support/advisor.js';
import { runCommand } from '../support/run-command.js';

/**
 * The README's production install, in a folder of its own: what a build ships (package files,
 * dist/ as the global setup built it, rules/), then `npm ci --omit=dev`. Offline, from npm's
 * cache, so no test asks the registry; whatever the runtime dependencies are, the lockfile
 * says.
 */
const SHIPPED = ['package.json', 'package-lock.json', '.npmrc', 'dist', 'rules'];
const SLOW = 180_000;

let dir: string;
let install: Awaited<ReturnType<typeof runCommand>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'chip-advice-production-'));
  for (const entry of SHIPPED)
    cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  install = await runIn(dir, 'npm', ['ci', '--omit=dev', '--offline', '--no-audit']);
}, SLOW);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runIn(cwd: string, command: string, args: string[], env: Record<string, string> = {}) {
  return runCommand('sh', ['-c', `cd "$0" && exec "$@"`, cwd, command, ...args], { env });
}

describe('a production install (npm ci --omit=dev on a build)', () => {
  it('installs without the build and test tools, keeping the dist/ it was given', () => {
    expect(install.stderr).not.toMatch(/npm error/);
    expect(install.code).toBe(0);
    expect(install.stdout).toContain(
      'prepare: no TypeScript here (--omit=dev): using the dist/ already built',
    );
    for (const devOnly of ['typescript', 'vitest', '@biomejs/biome', 'tsx', 'fast-check']) {
      expect(existsSync(path.join(dir, 'node_modules', devOnly)), devOnly).toBe(false);
    }
    expect(existsSync(path.join(dir, 'node_modules', 'zod'))).toBe(true);
  });

  it('runs the CLI', async () => {
    const answers = path.join(dir, 'workload.json');
    writeFileSync(answers, JSON.stringify(AWS_FRIENDLY_TRAINING));
    const result = await runIn(dir, 'npm', [
      'run',
      '-s',
      'advise',
      '--',
      '--answers',
      answers,
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).recommendation.chip).toBe('trainium');
  });

  it('runs npm start: a config error without Slack settings, /healthz with them', async () => {
    const missing = await runIn(dir, 'npm', ['start', '-s']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^chip-advice: SLACK_BOT_TOKEN is missing/);

    const api = await FakeSlackApi.start();
    let child: ChildProcess | undefined;
    try {
      // A process group of its own, stopped as a terminal's Ctrl-C stops it: npm passes no
      // SIGTERM on to the app (the README says to run node dist/main.js under a supervisor).
      child = spawn('npm', ['start', '-s'], {
        cwd: dir,
        detached: true,
        env: childEnv({
          SLACK_BOT_TOKEN: 'xoxb-production-test',
          SLACK_SIGNING_SECRET: 'production-test-secret',
          SLACK_API_URL: api.url,
          PORT: '0',
          npm_config_update_notifier: 'false',
        }),
      });
      const started = child;
      let logs = '';
      const port = await new Promise<number>((resolve, reject) => {
        started.stdout?.on('data', (chunk) => {
          logs += chunk;
          const match = /listening on port (\d+)/.exec(logs);
          if (match) resolve(Number(match[1]));
        });
        started.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${logs}`)));
      });
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const closed = new Promise((resolve) => started.on('close', resolve));
      process.kill(-(started.pid as number), 'SIGINT');
      await closed;
      expect(logs).toContain('"msg":"stopped"');
    } finally {
      // The whole group, so that no app outlives a failed test.
      try {
        if (child?.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await api.close();
    }
  }, 60_000);
});
