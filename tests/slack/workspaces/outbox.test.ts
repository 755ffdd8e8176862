import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeSlackApi } from '../../../testkit/fake-slack-api.js';
import { FAKE_WORKSPACES, type FakeWorkspace } from '../../../testkit/fake-slack-oauth.js';
import { ENGINES } from '../../storage/support/engines.js';
import { chooseWorkload, openFromCommand, submit, TRAINING_ANSWERS } from '../../support/flows.js';
import {
  fromWorkspace,
  type OAuthHarness,
  startOAuthHarness,
} from '../../support/oauth-harness.js';

const { alpha, beta } = FAKE_WORKSPACES;
const FAST_OUTBOX = { outbox: { pollMs: 50, firstRetryMs: 100, maxRetryMs: 400, leaseMs: 10_000 } };

/** The advice summaries Slack took, with the token each was posted with. */
const summaries = (api: FakeSlackApi) =>
  api
    .callsTo('chat.postMessage')
    .filter((call) => (call.response.body as { ok?: boolean } | undefined)?.ok)
    .filter((call) => call.params.thread_ts === undefined)
    .filter((call) => String(call.params.text).includes(' is recommended for '));

/** Opens and fills the modal in `workspace` while Slack answers; submits it once Slack is down. */
async function openIn(h: OAuthHarness, workspace: FakeWorkspace) {
  const driver = h.driver(fromWorkspace(workspace));
  const view = await chooseWorkload(driver, await openFromCommand(driver), {
    workload: TRAINING_ANSWERS.workload,
  });
  const name = `kept in ${workspace.team?.name}`;
  return () => submit(driver, view, { ...TRAINING_ANSWERS, workloadName: name });
}

async function pendingIs(h: OAuthHarness, count: number) {
  for (let tries = 0; (await h.store.outbox.stats()).pending !== count; tries += 1) {
    if (tries > 400) throw new Error(`the outbox never held ${count}`);
    await sleep(25);
  }
}

/**
 * Issue 12's outbox in multi-workspace mode (issue 15): advice kept while Slack is down is
 * posted later with the bot token of its own workspace, read from the installations table; an
 * uninstall drops what waits for that workspace, logged as lost, and leaves the others alone.
 */
describe.each(ENGINES)('the outbox with many workspaces, on %s', (engine) => {
  let h: OAuthHarness;
  beforeAll(async () => {
    h = await startOAuthHarness(engine, {}, FAST_OUTBOX);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.api.up();
    for (const workspace of [alpha, beta]) await h.install(workspace.code);
    await h.db.raw('delete from outbox');
    h.api.reset();
  });

  it('posts each kept advice with the bot token of its own workspace, once', async () => {
    const submits = [await openIn(h, alpha), await openIn(h, beta)];
    await h.api.down();
    for (const send of submits) expect((await send()).status).toBe(200);
    await pendingIs(h, 2);
    const rows = await h.db.raw('select team_id, payload from outbox order by team_id');
    expect(rows.map((row) => row.team_id)).toEqual([alpha.team.id, beta.team.id]);
    expect(JSON.stringify(rows)).not.toMatch(/xoxb-/);

    await h.api.up();
    await pendingIs(h, 0);
    await sleep(300);
    const posted = summaries(h.api);
    expect(posted.map((call) => call.token).sort()).toEqual([alpha.botToken, beta.botToken]);
    for (const call of posted) {
      const own = String(call.params.text).includes(alpha.team.name) ? alpha : beta;
      expect(call.token).toBe(own.botToken);
    }
  });

  it('an uninstall drops the advice waiting for that workspace, logged as lost; the others are posted', async () => {
    // An app of its own whose outbox waits 10 minutes before a retry, so that no pass is posting
    // a row while the uninstall deletes it (a post in flight then would meet Slack's revoked
    // token): the rows move only when the test says.
    const slow = await startOAuthHarness(
      engine,
      {},
      { outbox: { ...FAST_OUTBOX.outbox, firstRetryMs: 600_000, maxRetryMs: 600_000 } },
    );
    try {
      for (const workspace of [alpha, beta]) await slow.install(workspace.code);
      const submits = [await openIn(slow, alpha), await openIn(slow, beta)];
      await slow.api.down();
      for (const send of submits) await send();
      await pendingIs(slow, 2);

      await slow.event(fromWorkspace(alpha), {
        type: 'app_uninstalled',
        event_ts: '1700000000.000100',
      });
      const done = await slow.logs.waitFor(/^app_uninstalled: the workspace's tokens are deleted/);
      expect(done).toMatchObject({ outboxDropped: 1 });
      const lost = slow.logs.entries().filter((entry) => entry.code === 'chip_advice_outbox_lost');
      expect(lost).toHaveLength(1);
      expect(lost[0]).toMatchObject({ level: 50, teamId: alpha.team.id, event: 'app_uninstalled' });
      expect(JSON.stringify(lost[0])).toContain('kept in Alpha Labs');
      const left = await slow.db.raw('select team_id from outbox');
      expect(left.map((row) => row.team_id)).toEqual([beta.team.id]);

      await slow.api.up();
      await slow.db.raw('update outbox set next_at = 0');
      await pendingIs(slow, 0);
      await sleep(300);
      expect(summaries(slow.api).map((call) => call.token)).toEqual([beta.botToken]);
    } finally {
      await slow.close();
    }
  });
});
