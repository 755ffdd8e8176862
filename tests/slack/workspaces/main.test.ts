import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_CLIENT, FAKE_WORKSPACES } from '../../../testkit/fake-slack-oauth.js';
import { MAIN } from '../../../testkit/project.js';
import { type ProcessHarness, startProcess } from '../../support/process-harness.js';
import { runCommand } from '../../support/run-command.js';

/** `npm start` is `node dist/main.js`; the global setup builds dist/ from the current source. */
describe('npm start in multi-workspace mode', () => {
  let app: ProcessHarness | undefined;
  let folder: string | undefined;
  afterEach(async () => {
    await app?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('opens the database, serves the install and redirect routes, stores an install, and stops on SIGTERM', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'chip-advice-oauth-main-'));
    app = await startProcess({
      SLACK_SIGNING_SECRET: 'main-test-signing-secret',
      SLACK_CLIENT_ID: FAKE_CLIENT.id,
      SLACK_CLIENT_SECRET: FAKE_CLIENT.secret,
      SLACK_STATE_SECRET: 'main-test-state-secret-0123456789',
      DATABASE_URL: `file:${path.join(folder, 'store.db')}`,
    });
    expect(app.output()).toContain('GET /slack/install, GET /slack/oauth_redirect');
    const page = await fetch(`${app.origin}/slack/install`);
    const html = await page.text();
    const state = /state=([^"&]+)/.exec(html)?.[1] ?? '';
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const done = await fetch(
      `${app.origin}/slack/oauth_redirect?code=${FAKE_WORKSPACES.alpha.code}&state=${state}`,
      { headers: { cookie } },
    );
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Chip Advice is now installed in Alpha Labs');
    expect(app.api.callsTo('oauth.v2.access')).toHaveLength(1);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(app.output()).not.toMatch(/xox[bpe]-[a-z0-9]/);
  });

  it('stops with one line naming the OAuth variables that are missing', async () => {
    const result = await runCommand(process.execPath, [MAIN], {
      env: { SLACK_SIGNING_SECRET: 'a-signing-secret', SLACK_CLIENT_ID: FAKE_CLIENT.id },
    });
    expect(result.code).toBe(1);
    expect(
      result.stderr
        .trim()
        .split('\n')
        .map((line) => line.split(' ')[1]),
    ).toEqual(['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET']);
  });
});
