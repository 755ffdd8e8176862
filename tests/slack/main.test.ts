import { describe, expect } from 'vitest';
import { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import { MAIN } from '../../testkit/project.js';
import { test } from '../support/fixtures.js';
import { runCommand } from '../support/run-command.js';

/** `npm start` is `node dist/main.js`; the global setup builds dist/ from the current source. */

describe('npm start (node dist/main.js)', () => {
  test('stops with one line naming a missing bot token and where to get it, exit code 1', async () => {
    const result = await runCommand(process.execPath, [MAIN], {
      env: { SLACK_SIGNING_SECRET: 'a-signing-secret' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'chip-advice: SLACK_BOT_TOKEN is missing: install the app from manifest.yml and copy the Bot User OAuth Token (OAuth & Permissions page, starts with xoxb-)\n',
    );
  });

  test('stops without a stack trace when the signing secret is missing in HTTP mode', async () => {
    const result = await runCommand(process.execPath, [MAIN], {
      env: { SLACK_BOT_TOKEN: 'xoxb-1-secret-part' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^chip-advice: SLACK_SIGNING_SECRET is missing/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain('secret-part');
  });

  test('stops with one line when Slack rejects the app-level token in Socket Mode', async () => {
    const api = await FakeSlackApi.start();
    try {
      const result = await runCommand(process.execPath, [MAIN], {
        env: { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-revoked', SLACK_API_URL: api.url },
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'chip-advice: SLACK_APP_TOKEN was rejected by Slack (invalid_auth): generate an app-level token with the connections:write scope under Basic Information → App-Level Tokens\n',
      );
      expect(api.callsTo('apps.connections.open')[0]?.token).toBe('xapp-revoked');
    } finally {
      await api.close();
    }
  });

  describe('with a valid config', () => {
    test('serves /healthz on PORT, checks the token, and stops on SIGTERM with exit code 0', async ({
      startProcess,
    }) => {
      const app = await startProcess({
        SLACK_BOT_TOKEN: 'xoxb-main-test',
        SLACK_SIGNING_SECRET: 'main-test-secret',
      });
      const health = await fetch(`${app.origin}/healthz`);
      expect(health.status).toBe(200);
      const [authTest] = await app.api.waitFor('auth.test');
      expect(authTest?.token).toBe('xoxb-main-test');
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    });
  });
});
