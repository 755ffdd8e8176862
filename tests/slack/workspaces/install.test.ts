import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOOKUP_CACHE_MS } from '../../../src/slack/workspaces/index.js';
import { FAKE_CLIENT, FAKE_WORKSPACES } from '../../../testkit/fake-slack-oauth.js';
import { ENGINES } from '../../storage/support/engines.js';
import {
  fromWorkspace,
  type OAuthHarness,
  STATE_SECRET,
  startOAuthHarness,
} from '../../support/oauth-harness.js';

const { alpha, beta, grid } = FAKE_WORKSPACES;

describe.each(ENGINES)('installing through OAuth, on %s', (engine) => {
  let h: OAuthHarness;
  beforeAll(async () => {
    h = await startOAuthHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => {
    h.api.reset();
  });

  it('serves an Add to Slack page whose link asks Slack for the bot scopes, with a signed state', async () => {
    const page = await h.get('/slack/install');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.html).toContain('Add Chip Advice to Slack');
    const href = /href="(https:[^"]+)"/.exec(page.html)?.[1]?.replaceAll('&#38;', '&') ?? '';
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(url.searchParams.get('client_id')).toBe(FAKE_CLIENT.id);
    expect(url.searchParams.get('scope')).toBe(
      'commands,chat:write,chat:write.public,im:write,files:write',
    );
    const state = url.searchParams.get('state');
    expect(state).toBeTruthy();
    expect(page.headers.get('set-cookie')).toContain(`=${state}`);
  });

  it('installs two workspaces: each code is exchanged at SLACK_API_URL and its installation stored, tokens sealed', async () => {
    for (const workspace of [alpha, beta]) {
      const page = await h.install(workspace.code);
      expect(page.status).toBe(200);
      expect(page.html).toContain(`Chip Advice is now installed in ${workspace.team.name}`);
      expect(page.html).toContain('/chip-advice');
    }
    const exchanges = h.api.callsTo('oauth.v2.access');
    expect(exchanges.map((call) => call.params.code)).toEqual([alpha.code, beta.code]);
    for (const call of exchanges) {
      expect(call.params).toMatchObject({
        client_id: FAKE_CLIENT.id,
        client_secret: FAKE_CLIENT.secret,
      });
    }
    // InstallProvider checks each new token with auth.test, on the same fake.
    expect(h.api.callsTo('auth.test').map((call) => call.token)).toEqual([
      alpha.botToken,
      beta.botToken,
    ]);
    const rows = await h.rows();
    expect(
      rows.map((row) => [row.enterprise_id, row.team_id, Number(row.is_enterprise_install)]),
    ).toEqual([
      ['', alpha.team.id, 0],
      [beta.enterprise.id, beta.team.id, 0],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/xox[bpe]-/);
    expect(h.logs.text).not.toMatch(/xox[bpe]-[a-z]/);
    expect(h.logs.text).not.toContain(FAKE_CLIENT.secret);
    expect(h.logs.text).not.toContain(STATE_SECRET);
  });

  it('answers a slash command from each workspace with that workspace own token', async () => {
    await h.install(alpha.code);
    await h.install(beta.code);
    h.api.reset();
    expect((await h.command(fromWorkspace(alpha))).status).toBe(200);
    expect((await h.command(fromWorkspace(beta))).status).toBe(200);
    const opened = await h.api.waitFor('views.open', 2);
    expect(opened.map((call) => call.token).sort()).toEqual([alpha.botToken, beta.botToken].sort());
  });

  it('supports an org-wide install on Enterprise Grid: any workspace of the org uses its token', async () => {
    const page = await h.install(grid.code);
    expect(page.status).toBe(200);
    expect(page.html).toContain('installed in Grid Org');
    const row = (await h.rows()).find((r) => r.enterprise_id === grid.enterprise.id);
    expect(row).toMatchObject({ team_id: '' });
    expect(Number(row?.is_enterprise_install)).toBe(1);
    h.api.reset();
    await h.command(fromWorkspace(grid, 'T0GRIDONE'));
    await h.command(fromWorkspace(grid, 'T0GRIDTWO'));
    const opened = await h.api.waitFor('views.open', 2);
    expect(opened.map((call) => call.token)).toEqual([grid.botToken, grid.botToken]);
  });

  it('reuses a looked-up installation for a short while without asking the database', async () => {
    await h.install(alpha.code);
    await h.command(fromWorkspace(alpha));
    await h.api.waitFor('views.open');
    // Gone from the table behind the app's back (another replica's uninstall, say): this process
    // answers from its look-up cache (LOOKUP_CACHE_MS) until it expires.
    await h.db.raw(`delete from installations where team_id = '${alpha.team.id}'`);
    h.api.reset();
    await h.command(fromWorkspace(alpha));
    const [opened] = await h.api.waitFor('views.open');
    expect(opened?.token).toBe(alpha.botToken);
    expect(LOOKUP_CACHE_MS).toBeLessThanOrEqual(60_000);
  });

  it('does not process a request from a workspace without an installation, and logs why', async () => {
    const response = await h.command({ teamId: 'T0STRANGER' });
    expect(response.status).toBe(200);
    await h.logs.waitFor(
      'request from a workspace without an installation: not processed',
      (entry) => entry.teamId === 'T0STRANGER',
    );
    expect(h.api.callsTo('views.open')).toHaveLength(0);
  });
});
