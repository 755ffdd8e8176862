import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/index.js';
import { fillForm } from '../../testkit/fill-form.js';
import { FORM, interactionBody, JSON_TYPE } from '../../testkit/signed-request.js';
import { appHomeOpened, eventCallback, viewSubmission } from '../../testkit/slack-payloads.js';
import { aDecision } from '../storage/support/decisions.js';
import { ENGINES, type TestDatabase, testDatabase } from '../storage/support/engines.js';
import { chooseWorkload, INFERENCE_ANSWERS, openFromCommand } from '../support/flows.js';
import type { HttpHarness } from '../support/harness.js';
import { recordsIn, startWithStore, TEAM_ID } from '../support/store-app.js';

const RETRY = { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } };
const keyCount = async (db: TestDatabase) =>
  Number((await db.raw('select count(*) as n from delivery_keys'))[0]?.n);

/**
 * The claim in the database is what is under test: on a busy machine it must not run out of its
 * 500 ms and fall back to memory (tested on its own in storage/faults-*.test.ts).
 */
const SHARED_CLAIMS = { claimTimeoutMs: 10_000 };

/** Two app instances on one database, as two replicas behind a load balancer. */
describe.each(ENGINES)('duplicate-delivery keys in %s', (engine) => {
  let db: TestDatabase;
  let store: Store;
  let one: HttpHarness;
  let two: HttpHarness;

  beforeAll(async () => {
    db = await testDatabase(engine, 'app_keys');
    store = await db.open();
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });
  beforeEach(async (context) => {
    one = await startWithStore(store, {}, SHARED_CLAIMS);
    two = await startWithStore(store, {}, SHARED_CLAIMS);
    context.onTestFinished(async () => {
      await one.close();
      await two.close();
    });
  });

  it('a submission retried to the other app is done once: one summary, one record', async () => {
    const view = await chooseWorkload(one, await openFromCommand(one), { workload: 'inference' });
    const body = interactionBody(viewSubmission(view, fillForm(view, INFERENCE_ANSWERS)));
    expect((await one.post(body, FORM)).status).toBe(200);
    expect((await two.post(body, FORM, RETRY)).status).toBe(200);
    await one.api.waitFor('chat.postMessage', 2);
    await two.logs.waitFor('duplicate submission ignored');
    await one.settle();
    await two.settle();
    expect(one.api.callsTo('chat.postMessage')).toHaveLength(2);
    expect(two.api.callsTo('chat.postMessage')).toHaveLength(0);
    const records = await recordsIn(store, 1, undefined, 2000);
    expect(records.filter((r) => r.answers.monthlySpendUsd === 50000)).toHaveLength(1);
  });

  it('an event retried to the other app is handled once', async () => {
    const body = JSON.stringify(
      eventCallback({ ...appHomeOpened('home'), event_ts: `${Date.now()}.1` }),
    );
    await one.post(body, JSON_TYPE);
    await one.api.waitFor('views.publish');
    await two.post(body, JSON_TYPE, RETRY);
    const ignored = await two.logs.waitFor('duplicate delivery ignored');
    expect(ignored).toMatchObject({ retryNum: 1, retryReason: 'http_timeout' });
    expect(two.api.callsTo('views.publish')).toHaveLength(0);
  });

  it('keeps commands’ keys in memory, so no database stands before their ack and views.open', async () => {
    const before = await keyCount(db);
    await openFromCommand(one);
    await one.settle();
    expect(await keyCount(db)).toBe(before);
  });
});

describe.each(ENGINES)('retention in the app on %s', (engine) => {
  let db: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    db = await testDatabase(engine, 'app_retention');
    store = await db.open();
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('prunes records past DECISION_RETENTION_DAYS and expired keys at start, then on its schedule', async () => {
    const old = new Date(Date.now() - 40 * 24 * 3600_000);
    await store.decisions.record(
      await aDecision({ workspace: { teamId: TEAM_ID }, decidedAt: old }),
    );
    await store.decisions.record(
      await aDecision({ workspace: { teamId: TEAM_ID }, decidedAt: new Date() }),
    );
    await db.raw(`insert into delivery_keys (key, expires_at) values ('expired-key', 1)`);
    const app = await startWithStore(
      store,
      { DECISION_RETENTION_DAYS: '30' },
      { retentionEveryMs: 50 },
    );
    try {
      const pruned = await app.logs.waitFor('pruned old records');
      expect(pruned).toMatchObject({ decisions: 1, deliveryKeys: 1, retentionDays: 30 });
      const left = await store.decisions.recentInChannel(TEAM_ID, 'C0001');
      expect(left.decisions.map((d) => d.decidedAt > old)).toEqual([true]);
      await db.raw(`insert into delivery_keys (key, expires_at) values ('expired-later', 2)`);
      await app.logs.waitForCount('pruned old records', 2);
      expect(await keyCount(db)).toBe(0);
    } finally {
      await app.close();
    }
  });
});
