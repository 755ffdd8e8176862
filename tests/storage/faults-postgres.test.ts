import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createDuplicateClaims,
  createRecordWriter,
  type DatabaseConfig,
  openStore,
  type Store,
} from '../../src/storage/index.js';
import { aDecision } from './support/decisions.js';
import { query, type TestDatabase, testDatabase, testLogger } from './support/engines.js';
import { TcpProxy } from './support/tcp-proxy.js';

/** Polls `check` until it is true, up to `ms`. */
async function eventually(check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}

describe('PostgreSQL failing after start: nothing is lost, no one is held up', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let store: Store;
  let log: ReturnType<typeof testLogger>;

  beforeAll(async () => {
    db = await testDatabase('postgres', 'faults');
    await (await db.open()).close();
  });
  afterAll(async () => {
    await db?.drop();
  });
  beforeEach(async () => {
    proxy = await TcpProxy.start();
    log = testLogger();
    const database: DatabaseConfig = { engine: 'postgres', url: proxy.url(), password: undefined };
    store = await openStore({
      database,
      logger: log.logger,
      schema: db.schema,
      timeouts: { connectMs: 500, queryMs: 1000 },
    });
  });
  afterEach(async () => {
    proxy.pass();
    await store.close();
    await proxy.close();
  });

  const countIn = async (channelId: string) =>
    Number(
      (await db.raw('select count(*) as n from decisions where channel_id = $1', [channelId]))[0]
        ?.n,
    );
  const messages = () => log.sink.entries().map((entry) => String(entry.msg));

  it('closing the store ends its connections, even when it never ran a query', async () => {
    await store.close();
    await eventually(() => proxy.upstreamPorts().length === 0, 2000);
  });

  it('records written while the server is down are kept, retried, and all written when it is back', async () => {
    const writer = createRecordWriter({
      decisions: store.decisions,
      logger: log.logger,
      firstDelayMs: 50,
    });
    const channelId = 'CDOWN';
    expect(await writer.write(await aDecision({ channelId }))).toBe('written');
    proxy.refuse();
    const outcomes = [];
    for (let i = 0; i < 10; i += 1)
      outcomes.push(await writer.write(await aDecision({ channelId })));
    expect(outcomes).toEqual(Array(10).fill('queued'));
    expect(writer.pending).toBe(10);
    await sleep(300); // several retries fail meanwhile
    expect(await countIn(channelId)).toBe(1);
    expect(messages()).toContain(
      'could not write a decision record; it is kept and will be retried',
    );

    proxy.pass();
    await eventually(() => writer.pending === 0);
    expect(await countIn(channelId)).toBe(11);
    expect(messages()).toContain('decision records written again');
    expect(log.sink.errors()).toEqual([]);
  });

  it('a write cut off mid-answer is retried and kept once', async () => {
    const writer = createRecordWriter({
      decisions: store.decisions,
      logger: log.logger,
      firstDelayMs: 50,
    });
    const channelId = 'CCUT';
    proxy.delay(200);
    const writing = writer.write(await aDecision({ channelId }));
    await sleep(100);
    proxy.cut();
    proxy.pass();
    expect(['written', 'queued']).toContain(await writing);
    await eventually(() => writer.pending === 0);
    expect(await countIn(channelId)).toBe(1);
  });

  it('a slow server: writes wait out the query bound, are kept, then written', async () => {
    const writer = createRecordWriter({
      decisions: store.decisions,
      logger: log.logger,
      firstDelayMs: 50,
    });
    const channelId = 'CSLOW';
    proxy.delay(1500); // longer than the 1 s query bound
    expect(await writer.write(await aDecision({ channelId }))).toBe('queued');
    proxy.pass();
    await eventually(() => writer.pending === 0);
    expect(await countIn(channelId)).toBe(1);
  });

  it('connections killed with pg_terminate_backend: logged, replaced, and the next writes succeed', async () => {
    const channelId = 'CKILL';
    await store.decisions.record(await aDecision({ channelId }));
    const ports = proxy.upstreamPorts();
    expect(ports.length).toBeGreaterThan(0);
    const killed = await query(
      'select pg_terminate_backend(pid) as killed from pg_stat_activity where client_port = any($1::int[])',
      [ports],
    );
    expect(killed.every((row) => row.killed === true)).toBe(true);
    await eventually(() =>
      messages().includes('an idle database connection failed; it will be replaced'),
    );
    const writer = createRecordWriter({
      decisions: store.decisions,
      logger: log.logger,
      firstDelayMs: 50,
    });
    for (let i = 0; i < 3; i += 1) await writer.write(await aDecision({ channelId }));
    await eventually(() => writer.pending === 0);
    expect(await countIn(channelId)).toBe(4);
  });

  it('duplicate claims fall back to memory when the server is slow or down, say so once, and come back', async () => {
    const claims = createDuplicateClaims({
      keys: store.deliveryKeys,
      logger: log.logger,
      timeoutMs: 200,
      probeEveryMs: 100,
    });
    const before = randomUUID();
    expect(await claims.claim(before)).toBe('first');
    expect(await claims.claim(before)).toBe('repeat');

    proxy.delay(1000);
    const during = randomUUID();
    expect(await claims.claim(during)).toBe('first');
    expect(claims.inMemory).toBe(true);
    expect(await claims.claim(during)).toBe('repeat');
    proxy.refuse();
    const alsoDuring = randomUUID();
    expect(await claims.claim(alsoDuring)).toBe('first');
    expect(await claims.claim(alsoDuring)).toBe('repeat');
    const fallbacks = log.sink
      .entries()
      .filter((entry) => entry.code === 'chip_advice_claims_in_memory');
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]?.msg).toMatch(/^duplicate claims fall back to memory/);

    proxy.pass();
    // The next probe (every 100 ms) finds the database again, however busy the machine is.
    await eventually(
      async () => (await claims.claim(randomUUID())) === 'first' && !claims.inMemory,
    );
    expect(messages()).toContain('duplicate claims are back in the database');
    // The keys claimed in memory meanwhile reach the database, for the other processes.
    await eventually(async () => {
      const rows = await db.raw('select key from delivery_keys where key = any($1::text[])', [
        [during, alsoDuring],
      ]);
      return rows.length === 2;
    });
    expect(await store.deliveryKeys.claim(during, 60_000)).toBe('repeat');
  });

  it('past its bound, the writer logs the oldest waiting record as lost, whole', async () => {
    const writer = createRecordWriter({
      decisions: store.decisions,
      logger: log.logger,
      maxPending: 2,
      firstDelayMs: 10_000,
    });
    proxy.refuse();
    const first = await aDecision({ channelId: 'CFULL' });
    await writer.write(first);
    await writer.write(await aDecision({ channelId: 'CFULL' }));
    await writer.write(await aDecision({ channelId: 'CFULL' }));
    expect(writer.pending).toBe(2);
    const [lost, ...others] = log.sink.errors();
    expect(others).toEqual([]);
    expect(lost).toMatchObject({
      code: 'chip_advice_decision_lost',
      reason: 'more than 2 records were waiting for the database',
      decision: {
        channelId: 'CFULL',
        summaryTs: first.summaryTs,
        answers: first.answers,
        recommendation: { chip: first.recommendation.chip },
      },
    });
    // Stopping with the database still down: what waits is logged as lost, not dropped silently.
    expect(await writer.close(200)).toEqual({ lost: 2 });
    expect(log.sink.errors()).toHaveLength(3);
    expect(log.sink.errors()[2]?.reason).toBe('the app stopped before the database answered');
  });

  it('stopping during a first write waits for it, and logs the record as lost if it failed', async () => {
    const writer = createRecordWriter({ decisions: store.decisions, logger: log.logger });
    proxy.delay(1500); // longer than the 1 s query bound
    const decision = await aDecision({ channelId: 'CINFLIGHT' });
    const writing = writer.write(decision);
    expect(await writer.close(100)).toEqual({ lost: 1 });
    expect(await writing).toBe('queued');
    expect(log.sink.errors()).toMatchObject([
      { code: 'chip_advice_decision_lost', decision: { summaryTs: decision.summaryTs } },
    ]);
  });

  it('stopping while the database is back writes what was waiting', async () => {
    const writer = createRecordWriter({
      decisions: store.decisions,
      logger: log.logger,
      firstDelayMs: 10_000,
    });
    proxy.refuse();
    await writer.write(await aDecision({ channelId: 'CSTOP' }));
    proxy.pass();
    expect(await writer.close(5000)).toEqual({ lost: 0 });
    expect(await countIn('CSTOP')).toBe(1);
  });
});
