import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../../testkit/fake-slack-api.js';
import { FAKE_WORKSPACES } from '../../../testkit/fake-slack-oauth.js';
import { ENGINES } from '../../storage/support/engines.js';
import {
  fromWorkspace,
  type OAuthHarness,
  startOAuthHarness,
} from '../../support/oauth-harness.js';

const { alpha } = FAKE_WORKSPACES;
const HOUR = 3600;

/** The bot token an oauth.v2.access call answered with. */
const issued = (call: ApiCall | undefined) =>
  (call?.response.body as { access_token?: string } | undefined)?.access_token;

describe.each(ENGINES)('token rotation, on %s', (engine) => {
  let h: OAuthHarness;
  beforeAll(async () => {
    h = await startOAuthHarness(engine);
    h.api.oauth.rotate = true;
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => {
    h.api.oauth.expiresIn = 12 * HOUR;
  });

  it('uses a token that does not expire soon as it is, without refreshing', async () => {
    await h.install(alpha.code);
    h.api.reset();
    await h.command(fromWorkspace(alpha));
    const [opened] = await h.api.waitFor('views.open');
    expect(opened?.token).toMatch(new RegExp(`^${alpha.botToken}-r\\d+$`));
    expect(h.api.callsTo('oauth.v2.access')).toHaveLength(0);
  });

  it('refreshes a token that expires within two hours, once for requests at the same time, and stores it', async () => {
    // Installed with a token that lives one hour: the next requests must refresh it first.
    h.api.oauth.expiresIn = HOUR;
    await h.install(alpha.code);
    const installed = issued(h.api.callsTo('oauth.v2.access').at(-1));
    h.api.oauth.expiresIn = 12 * HOUR;
    h.api.reset();
    const answers = await Promise.all([1, 2, 3].map(() => h.command(fromWorkspace(alpha))));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const opened = await h.api.waitFor('views.open', 3);
    const refreshes = h.api.callsTo('oauth.v2.access');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.params).toMatchObject({ grant_type: 'refresh_token' });
    const fresh = issued(refreshes[0]);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(installed);
    expect(opened.map((call) => call.token)).toEqual([fresh, fresh, fresh]);
    const [row] = await h.rows();
    expect(Number(row?.bot_expires_at)).toBeGreaterThan(Date.now() + 11 * HOUR * 1000);
    expect(h.logs.text).not.toMatch(/xox[be]-[a-z0-9]/);
  });

  it('keeps using a token that has not expired yet when Slack cannot refresh it', async () => {
    h.api.oauth.expiresIn = HOUR;
    await h.install(alpha.code);
    const installed = issued(h.api.callsTo('oauth.v2.access').at(-1));
    expect(installed).toBeDefined();
    h.api.reset();
    h.api.fail('oauth.v2.access', { error: 'service_unavailable' });
    await h.command(fromWorkspace(alpha));
    const [opened] = await h.api.waitFor('views.open');
    expect(opened?.token).toBe(installed);
    await h.logs.waitFor('could not refresh the bot token; using it until it expires');
  });
});
