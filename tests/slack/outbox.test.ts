import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Store } from '../../src/storage/index.js';
import type { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import { ENGINES, type TestDatabase, testDatabase } from '../storage/support/engines.js';
import { type HarnessOptions, type HttpHarness, test } from '../support/fixtures.js';
import {
  chooseWorkload,
  openFromCommand,
  postedOf,
  submit,
  TRAINING_ANSWERS,
} from '../support/flows.js';
import { recordsIn, withStore } from '../support/store-app.js';

/** Short outbox waits, so a test sees several retries within a second. */
const FAST_OUTBOX = { outbox: { pollMs: 50, firstRetryMs: 100, maxRetryMs: 400, leaseMs: 10_000 } };

/** The app over `store` with short outbox waits, on the test's own fake Web API. */
const over = (store: Store, api: FakeSlackApi) => withStore(store, { deps: FAST_OUTBOX, api });

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

async function healthOf(harness: HttpHarness) {
  return (await (await fetch(`${harness.origin}/healthz`)).json()) as {
    status: string;
    outbox?: { pending: number; oldestAgeSeconds?: number };
  };
}

/**
 * The advice summaries Slack took (not the notices to the person, which may also go by direct
 * message: "kept", "posted now").
 */
const summaries = (api: FakeSlackApi) =>
  api
    .callsTo('chat.postMessage')
    .filter((call) => call.response.body && (call.response.body as { ok?: boolean }).ok)
    .filter((call) => call.params.thread_ts === undefined)
    .filter((call) => String(call.params.text).includes(' is recommended for '));

/**
 * Issue 12 item 1, through the real app: Slack (Web API and response URLs) refuses connections
 * while advice is submitted; the advice is kept in the database, survives a restart, and is
 * posted exactly once when Slack answers again, with the person told.
 */
describe.each(ENGINES)('the outbox on %s', (engine) => {
  let db: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    db = await testDatabase(engine, 'app_outbox');
    store = await db.open();
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  /** An empty outbox, the app over it, and a modal at its training questions. */
  async function modalOnEmptyOutbox(
    startHarness: (options: HarnessOptions) => Promise<HttpHarness>,
    api: FakeSlackApi,
  ) {
    await db.raw('delete from outbox');
    const harness = await startHarness(over(store, api));
    const view = await chooseWorkload(harness, await openFromCommand(harness), {
      workload: TRAINING_ANSWERS.workload,
    });
    return { harness, view };
  }

  test('20 submissions while Slack is down are all posted once after it is back, across a restart', async ({
    fakeApi: api,
    startHarness,
  }) => {
    const first = await startHarness(over(store, api));
    const views = [];
    for (let i = 0; i < 20; i += 1) {
      views.push(
        await chooseWorkload(first, await openFromCommand(first), {
          workload: TRAINING_ANSWERS.workload,
        }),
      );
    }
    await api.down();
    for (const [i, view] of views.entries()) {
      const answers = { ...TRAINING_ANSWERS, workloadName: `outbox workload ${i}` };
      expect((await submit(first, view, answers)).status).toBe(200);
    }
    const kept = first;
    await until('20 kept', async () =>
      (await healthOf(kept)).outbox?.pending === 20 ? true : undefined,
    );
    for (const row of await db.raw('select * from outbox')) {
      expect(JSON.stringify(row)).not.toContain('xoxb-');
      expect(JSON.stringify(row)).not.toContain('/response-url/');
    }
    expect(summaries(api)).toHaveLength(0);
    await first.close();

    // A new process, Slack still down: it picks the rows up and keeps retrying.
    const second = await startHarness(over(store, api));
    const logs = second.logs;
    await until('retries logged', async () =>
      logs.entries().some((e) => e.code === 'chip_advice_outbox_retrying') ? true : undefined,
    );
    const restarted = second;
    await until('20 pending after the restart', async () =>
      (await healthOf(restarted)).outbox?.pending === 20 ? true : undefined,
    );
    expect(summaries(api)).toHaveLength(0);
    await api.up();

    const late = second;
    await until('20 late notices', async () =>
      logs.entries().filter((e) => e.code === 'chip_advice_outbox_delivered').length === 20
        ? true
        : undefined,
    );
    const posted = summaries(api).map(postedOf);
    const names = posted.map((p) => String(p.call.params.text).match(/outbox workload \d+/)?.[0]);
    expect(names.sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `outbox workload ${i}`).sort(),
    );
    // Each summary has its reasoning in its thread, once.
    const replies = api.callsTo('chat.postMessage').filter((c) => c.params.thread_ts);
    for (const summary of posted) {
      expect(replies.filter((r) => r.params.thread_ts === summary.message.ts)).toHaveLength(1);
    }
    expect(await recordsIn(store, 20)).toHaveLength(20);
    // /healthz counts after each pass.
    await until('none pending', async () =>
      (await healthOf(late)).outbox?.pending === 0 ? true : undefined,
    );
    expect(await store.outbox.stats()).toEqual({ pending: 0, oldestAcceptedAt: undefined });
    const told = [...api.callsTo('response_url'), ...api.callsTo('chat.postEphemeral')].filter(
      (c) => String(c.params.text).includes('is posted now'),
    );
    expect(told).toHaveLength(20);
    // Nothing more is sent later.
    await sleep(500);
    expect(summaries(api)).toHaveLength(20);
  });

  test('at the deadline, advice still not posted is logged as lost with what was lost, and dropped', async ({
    fakeApi: api,
    startHarness,
  }) => {
    const { harness, view } = await modalOnEmptyOutbox(startHarness, api);
    await api.down();
    await submit(harness, view, { ...TRAINING_ANSWERS, workloadName: 'too late' });
    await until('kept', async () =>
      (await store.outbox.stats()).pending === 1 ? true : undefined,
    );
    await db.raw('update outbox set deadline_at = 0');
    const lost = await until('lost', async () =>
      harness.logs.entries().find((e) => e.code === 'chip_advice_outbox_lost'),
    );
    expect(lost).toMatchObject({ level: 50, expired: true });
    expect(JSON.stringify(lost)).toContain('too late');
    await until('dropped', async () =>
      (await store.outbox.stats()).pending === 0 ? true : undefined,
    );
    await api.up();
    await sleep(300);
    expect(summaries(api)).toHaveLength(0);
  });

  test('a 429 that outlasts the retries is kept and posted once when Slack takes it', async ({
    fakeApi: api,
    startHarness,
  }) => {
    const { harness, view } = await modalOnEmptyOutbox(startHarness, api);
    // Three tries in the fetch for each of the Web API client's three attempts; then the outbox.
    api.fail('chat.postMessage', { status: 429, retryAfter: 0, times: 9 });
    await submit(harness, view, { ...TRAINING_ANSWERS, workloadName: 'after a 429' });
    await until('posted late', async () =>
      harness.logs.entries().find((e) => e.code === 'chip_advice_outbox_delivered'),
    );
    expect(summaries(api)).toHaveLength(1);
    expect(harness.logs.entries().some((e) => e.code === 'chip_advice_outbox_kept')).toBe(true);
  });

  test('a 500 may have posted the summary: nothing is kept or sent again; the person is told', async ({
    fakeApi: api,
    startHarness,
  }) => {
    const { harness, view } = await modalOnEmptyOutbox(startHarness, api);
    api.fail('chat.postMessage', { status: 500 });
    await submit(harness, view, { ...TRAINING_ANSWERS, workloadName: 'after a 500' });
    const [notice] = await api.waitFor('response_url');
    expect(String(notice?.params.text)).toContain('Post again');
    await sleep(300);
    expect(await store.outbox.stats()).toMatchObject({ pending: 0 });
    expect(harness.logs.entries().some((e) => e.code === 'chip_advice_outbox_kept')).toBe(false);
  });

  test('two replicas on one database post each kept advice once', async ({
    fakeApi: api,
    startHarness,
    onTestFinished,
  }) => {
    await db.raw('delete from outbox');
    const other = await db.open();
    const one = await startHarness(over(store, api));
    const two = await startHarness(over(other, api));
    // The replica's store outlives its app: the app is closed first (it is closed once).
    onTestFinished(async () => {
      await two.close();
      await other.close();
    });
    const views = [];
    for (let i = 0; i < 10; i += 1) {
      const harness = i % 2 ? two : one;
      views.push(
        await chooseWorkload(harness, await openFromCommand(harness), {
          workload: TRAINING_ANSWERS.workload,
        }),
      );
    }
    await api.down();
    for (const [i, view] of views.entries()) {
      await submit(i % 2 ? two : one, view, {
        ...TRAINING_ANSWERS,
        workloadName: `replica ${i}`,
      });
    }
    await until('10 kept', async () =>
      (await store.outbox.stats()).pending === 10 ? true : undefined,
    );
    await api.up();
    await until('10 posted', async () =>
      (await store.outbox.stats()).pending === 0 && summaries(api).length >= 10 ? true : undefined,
    );
    await sleep(500);
    const names = summaries(api).map((c) => String(c.params.text).match(/replica \d+/)?.[0]);
    expect(names.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `replica ${i}`).sort());
  });
});
