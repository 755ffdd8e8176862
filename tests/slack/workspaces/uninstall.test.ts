import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_WORKSPACES } from '../../../testkit/fake-slack-oauth.js';
import { aDecision } from '../../storage/support/decisions.js';
import { ENGINES } from '../../storage/support/engines.js';
import {
  fromWorkspace,
  type OAuthHarness,
  startOAuthHarness,
} from '../../support/oauth-harness.js';

const { alpha, beta, grid } = FAKE_WORKSPACES;
const uninstalled = { type: 'app_uninstalled', event_ts: '1700000000.000100' };
const revoked = {
  type: 'tokens_revoked',
  tokens: { oauth: [], bot: ['U0BOT'] },
  event_ts: '1700000000.000200',
};

async function decisionsOf(h: OAuthHarness, teamId: string) {
  return (await h.db.raw(`select id from decisions where team_id = '${teamId}'`)).length;
}

describe.each(ENGINES)('uninstalling, on %s', (engine) => {
  let h: OAuthHarness;
  beforeAll(async () => {
    h = await startOAuthHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    for (const workspace of [alpha, beta, grid]) await h.install(workspace.code);
    await h.store.decisions.record(await aDecision({ workspace: { teamId: alpha.team.id } }));
    await h.store.decisions.record(await aDecision({ workspace: { teamId: beta.team.id } }));
    h.api.reset();
  });

  it('app_uninstalled deletes the workspace tokens and records; its requests are then refused', async () => {
    expect((await h.event(fromWorkspace(alpha), uninstalled)).status).toBe(200);
    await h.logs.waitFor(/^app_uninstalled: the workspace's tokens are deleted/);
    expect((await h.rows()).map((row) => row.team_id)).not.toContain(alpha.team.id);
    expect(await decisionsOf(h, alpha.team.id)).toBe(0);
    // The other workspace keeps its installation and records.
    expect(await decisionsOf(h, beta.team.id)).toBeGreaterThan(0);

    await h.command(fromWorkspace(alpha));
    await h.logs.waitFor(
      'request from a workspace without an installation: not processed',
      (entry) => entry.teamId === alpha.team.id,
    );
    await h.command(fromWorkspace(beta));
    const [opened] = await h.api.waitFor('views.open');
    expect(opened?.token).toBe(beta.botToken);
    expect(h.api.callsTo('views.open')).toHaveLength(1);
  });

  it.each([
    ['app_uninstalled then tokens_revoked', [uninstalled, revoked]],
    ['tokens_revoked then app_uninstalled', [revoked, uninstalled]],
    ['each twice', [uninstalled, revoked, uninstalled, revoked]],
  ])(
    '%s: every event is acknowledged, the tokens go once, nothing fails',
    async (_name, events) => {
      h.logs.clear();
      const seen = new Map<string, number>();
      for (const event of events) {
        expect((await h.event(fromWorkspace(alpha), event)).status).toBe(200);
        seen.set(event.type, (seen.get(event.type) ?? 0) + 1);
        await h.logs.waitForCount(
          `${event.type}: the workspace's tokens are deleted, and its decision records`,
          seen.get(event.type) ?? 0,
        );
      }
      const cleanups = h.logs
        .entries()
        .filter((entry) => /the workspace's tokens are deleted/.test(String(entry.msg)));
      expect(cleanups.map((entry) => entry.installationsDeleted)).toEqual(
        events.map((_event, i) => (i === 0 ? 1 : 0)),
      );
      expect(h.logs.errors()).toEqual([]);
      expect((await h.rows()).map((row) => row.team_id)).not.toContain(alpha.team.id);
    },
  );

  it('an org-wide uninstall deletes the org installation and records; the org workspaces are then refused', async () => {
    const inOrg = { teamId: 'T0GRIDONE', enterpriseId: grid.enterprise.id };
    await h.store.decisions.record(await aDecision({ workspace: inOrg }));
    expect(await decisionsOf(h, 'T0GRIDONE')).toBe(1);
    await h.event(fromWorkspace(grid, 'T0GRIDONE'), uninstalled);
    await h.logs.waitFor(
      /^app_uninstalled: /,
      (entry) => entry.enterpriseId === grid.enterprise.id,
    );
    expect((await h.rows()).map((row) => row.enterprise_id)).not.toContain(grid.enterprise.id);
    expect(await decisionsOf(h, 'T0GRIDONE')).toBe(0);
    expect(await decisionsOf(h, beta.team.id)).toBeGreaterThan(0);
    await h.command(fromWorkspace(grid, 'T0GRIDONE'));
    await h.logs.waitFor(
      'request from a workspace without an installation: not processed',
      (entry) => entry.enterpriseId === grid.enterprise.id,
    );
  });

  it('the database failing mid-uninstall: the app tries again, and deletes the records once it is back', async () => {
    h.logs.clear();
    // The decisions table gone for a moment: the tokens are deleted, the records cannot be.
    await h.db.raw('alter table decisions rename to decisions_away');
    try {
      expect((await h.event(fromWorkspace(alpha), uninstalled)).status).toBe(200);
      await h.logs.waitFor(
        "app_uninstalled: could not delete the workspace's decision records; will try again",
      );
    } finally {
      await h.db.raw('alter table decisions_away rename to decisions');
    }
    const done = await h.logs.waitFor(/^app_uninstalled: the workspace's tokens are deleted/);
    expect(done).toMatchObject({ installationsDeleted: 1, decisions: 'deleted' });
    expect(await decisionsOf(h, alpha.team.id)).toBe(0);
    expect((await h.rows()).map((row) => row.team_id)).not.toContain(alpha.team.id);
  });

  it('tokens_revoked for user tokens only keeps the installation', async () => {
    await h.event(fromWorkspace(beta), { ...revoked, tokens: { oauth: ['U0BETAADMIN'], bot: [] } });
    await h.logs.waitFor('tokens_revoked for user tokens only; the app keeps none');
    expect((await h.rows()).map((row) => row.team_id)).toContain(beta.team.id);
  });
});

describe('uninstalling with DECISIONS_ON_UNINSTALL=keep', () => {
  let h: OAuthHarness;
  beforeAll(async () => {
    h = await startOAuthHarness('sqlite', { DECISIONS_ON_UNINSTALL: 'keep' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('deletes the tokens and keeps the decision records', async () => {
    await h.install(alpha.code);
    await h.store.decisions.record(await aDecision({ workspace: { teamId: alpha.team.id } }));
    await h.event(fromWorkspace(alpha), uninstalled);
    const logged = await h.logs.waitFor(/^app_uninstalled: /);
    expect(logged).toMatchObject({ decisions: 'kept', installationsDeleted: 1 });
    expect(await h.rows()).toEqual([]);
    expect(await decisionsOf(h, alpha.team.id)).toBe(1);
  });
});
