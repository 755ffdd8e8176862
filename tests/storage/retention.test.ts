import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetention, type Store } from '../../src/storage/index.js';
import { aDecision } from './support/decisions.js';
import { ENGINES, type TestDatabase, testDatabase, testLogger } from './support/engines.js';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW - days * 24 * 60 * 60 * 1000);

describe.each(ENGINES)('retention on %s', (engine) => {
  let db: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    db = await testDatabase(engine, 'retention');
    store = await db.open();
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const summaries = async (channelId: string) =>
    (await store.decisions.recentInChannel('T0001', channelId)).decisions.map((d) => d.summaryTs);

  it('deletes decisions older than DECISION_RETENTION_DAYS and keeps the rest', async () => {
    const old = await aDecision({ channelId: 'CRET1', decidedAt: daysAgo(31) });
    const recent = await aDecision({ channelId: 'CRET1', decidedAt: daysAgo(29) });
    await store.decisions.record(old);
    await store.decisions.record(recent);
    const retention = createRetention({
      ...store,
      retentionDays: 30,
      logger: db.logger,
      now: () => NOW,
    });
    expect((await retention.pruneNow()).decisions).toBe(1);
    expect(await summaries('CRET1')).toEqual([recent.summaryTs]);
    expect(db.sink.entries().find((e) => e.msg === 'pruned old records')).toMatchObject({
      decisions: 1,
      retentionDays: 30,
    });
  });

  it('keeps every decision when no retention is set', async () => {
    const ancient = await aDecision({ channelId: 'CRET2', decidedAt: daysAgo(20_000) });
    await store.decisions.record(ancient);
    const retention = createRetention({
      ...store,
      retentionDays: undefined,
      logger: db.logger,
      now: () => NOW,
    });
    expect((await retention.pruneNow()).decisions).toBe(0);
    expect(await summaries('CRET2')).toEqual([ancient.summaryTs]);
  });

  it('prunes on a schedule until stopped, and a failed prune is logged, not thrown', async () => {
    const { sink, logger } = testLogger();
    let calls = 0;
    const retention = createRetention({
      decisions: store.decisions,
      deliveryKeys: {
        pruneExpired: async () => {
          calls += 1;
          if (calls === 1) throw new Error('connection terminated');
          return 0;
        },
      },
      retentionDays: 30,
      logger,
    });
    const stop = retention.schedule(20);
    // Two ticks, however long a busy machine takes to run them (a hung one fails at 5 s).
    for (const deadline = Date.now() + 5000; calls < 2 && Date.now() < deadline; ) await sleep(10);
    stop();
    const afterStop = calls;
    await sleep(60);
    expect(afterStop).toBeGreaterThanOrEqual(2);
    expect(calls).toBe(afterStop);
    expect(
      sink.entries().find((e) => e.msg === 'could not prune old records; will try again'),
    ).toBeDefined();
  });
});

describe('the retention schedule', () => {
  it('prunes at once when asked, and never starts a prune while the last is still running', async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    const retention = createRetention({
      decisions: { pruneDecidedBefore: async () => 0 },
      deliveryKeys: {
        // A slow database: each prune takes 30 ms, three times the schedule's period.
        pruneExpired: async () => {
          calls += 1;
          running += 1;
          most = Math.max(most, running);
          await sleep(30);
          running -= 1;
          return 0;
        },
      },
      retentionDays: 30,
      logger: testLogger().logger,
    });
    const stop = retention.schedule(10, { immediately: true });
    expect(calls).toBe(1);
    for (const deadline = Date.now() + 5000; calls < 4 && Date.now() < deadline; ) await sleep(10);
    stop();
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(most).toBe(1);
  });
});
