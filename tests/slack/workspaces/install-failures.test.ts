import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_WORKSPACES } from '../../../testkit/fake-slack-oauth.js';
import { type OAuthHarness, startOAuthHarness } from '../../support/oauth-harness.js';

const { alpha } = FAKE_WORKSPACES;

describe('a failed or forged OAuth redirect', () => {
  let h: OAuthHarness;
  beforeAll(async () => {
    h = await startOAuthHarness('sqlite');
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => {
    h.api.reset();
  });

  it.each([
    [
      'a state that is not the one this browser was given',
      { state: 'forged-state' },
      /has expired, was opened in another browser, or did not start on this site/,
    ],
    [
      'no state cookie (another browser)',
      { cookie: 'other=1' },
      /has expired, was opened in another browser/,
    ],
    ['a missing state', { state: '' }, /has expired, was opened in another browser/],
  ])(
    'with %s gets a clear page, and nothing is exchanged or stored',
    async (_name, tamper, text) => {
      const page = await h.install(alpha.code, tamper);
      expect(page.status).toBe(400);
      expect(page.html).toContain('Chip Advice was not installed');
      expect(page.html).toMatch(text);
      expect(page.html).toContain('href="/slack/install"');
      expect(h.api.callsTo('oauth.v2.access')).toHaveLength(0);
      expect(await h.rows()).toEqual([]);
    },
  );

  it('without a code gets a page saying Slack sent none', async () => {
    const page = await h.install('');
    expect(page.status).toBe(400);
    expect(page.html).toMatch(/Slack did not send an authorization code/);
    expect(await h.rows()).toEqual([]);
  });

  it('after "Cancel" in Slack (error=access_denied) says the install was cancelled', async () => {
    const page = await h.install('', { extra: '&error=access_denied' });
    expect(page.status).toBe(400);
    expect(page.html).toMatch(/The install was cancelled in Slack, so nothing was installed/);
    expect(h.api.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(await h.rows()).toEqual([]);
  });

  it('with a code Slack refuses (invalid_code) says Slack did not accept it', async () => {
    const page = await h.install('code-used-already');
    expect(page.status).toBe(502);
    expect(page.html).toMatch(/Slack did not accept the install/);
    expect(h.api.callsTo('oauth.v2.access')).toHaveLength(1);
    expect(await h.rows()).toEqual([]);
    await h.logs.waitFor('install did not complete; nothing stored', (e) => e.status === 502);
  });

  it('when Slack is down during the exchange, says to try again, and stores nothing', async () => {
    h.api.fail('oauth.v2.access', { status: 503 });
    const page = await h.install(alpha.code);
    expect(page.status).toBeGreaterThanOrEqual(500);
    expect(page.html).toContain('Chip Advice was not installed');
    expect(await h.rows()).toEqual([]);
  });

  it('escapes what it shows of the request', async () => {
    const page = await h.install('', { extra: '&error=%3Cscript%3Ealert(1)%3C%2Fscript%3E' });
    expect(page.html).not.toContain('<script>');
    expect(page.html).toContain('&#60;script&#62;');
  });
});
