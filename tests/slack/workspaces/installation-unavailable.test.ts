import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALLATION_UNAVAILABLE_TEXT } from '../../../src/slack/workspaces/index.js';
import { FAKE_WORKSPACES } from '../../../testkit/fake-slack-oauth.js';
import { ENGINES } from '../../storage/support/engines.js';
import {
  fromWorkspace,
  type OAuthHarness,
  startOAuthHarness,
} from '../../support/oauth-harness.js';

const { alpha } = FAKE_WORKSPACES;

describe.each(ENGINES)('an installation that cannot be read, on %s', (engine) => {
  let h: OAuthHarness;
  beforeAll(async () => {
    h = await startOAuthHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tells the person who ran the command, instead of doing nothing, and works again after', async () => {
    // A fresh install leaves nothing in the look-up cache: the next request reads the table.
    await h.install(alpha.code);
    h.api.reset();
    await h.db.raw('alter table installations rename to installations_away');
    try {
      expect((await h.command(fromWorkspace(alpha))).status).toBeLessThan(500);
      const [told] = await h.api.waitFor('response_url');
      expect(told?.params).toMatchObject({
        response_type: 'ephemeral',
        text: INSTALLATION_UNAVAILABLE_TEXT,
      });
      expect(h.api.callsTo('views.open')).toHaveLength(0);
      await h.logs.waitFor('told the person the installation is unreadable');
    } finally {
      await h.db.raw('alter table installations_away rename to installations');
    }
    await h.command(fromWorkspace(alpha));
    const [opened] = await h.api.waitFor('views.open');
    expect(opened?.token).toBe(alpha.botToken);
  });

  it('says nothing to a workspace that has no installation at all (not ours to answer)', async () => {
    h.api.reset();
    await h.command({ teamId: 'T0NOBODY' });
    await h.logs.waitFor('request from a workspace without an installation: not processed');
    expect(h.api.callsTo('response_url')).toHaveLength(0);
  });
});
