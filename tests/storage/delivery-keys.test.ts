import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetention, type Store } from '../../src/storage/index.js';
import { ENGINES, type TestDatabase, testDatabase } from './support/engines.js';

describe.each(ENGINES)('delivery keys on %s', (engine) => {
  let db: TestDatabase;
  let clock = Date.parse('2026-11-27T10:00:00Z');
  let one: Store;
  let two: Store;

  beforeAll(async () => {
    db = await testDatabase(engine, 'keys');
    // Two stores on one database: two processes' connections.
    one = await db.open({ now: () => clock });
    two = await db.open({ now: () => clock });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await db?.drop();
  });

  it('claims a key once; every later claim is a repeat, from any store', async () => {
    const key = randomUUID();
    expect(await one.deliveryKeys.claim(key, 60_000)).toBe('first');
    expect(await one.deliveryKeys.claim(key, 60_000)).toBe('repeat');
    expect(await two.deliveryKeys.claim(key, 60_000)).toBe('repeat');
  });

  it('of 40 simultaneous claims of a key from two stores, exactly one is first', async () => {
    const key = randomUUID();
    const claims = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).deliveryKeys.claim(key, 60_000)),
    );
    expect(claims.filter((claim) => claim === 'first')).toHaveLength(1);
  });

  it('lets an expired key be claimed again, once', async () => {
    const key = randomUUID();
    expect(await one.deliveryKeys.claim(key, 1000)).toBe('first');
    clock += 999;
    expect(await two.deliveryKeys.claim(key, 1000)).toBe('repeat');
    clock += 1;
    const again = await Promise.all([
      one.deliveryKeys.claim(key, 1000),
      two.deliveryKeys.claim(key, 1000),
    ]);
    expect(again.sort()).toEqual(['first', 'repeat']);
  });

  it('prunes expired keys and keeps live ones', async () => {
    const expired = randomUUID();
    const live = randomUUID();
    await one.deliveryKeys.claim(expired, 10);
    await one.deliveryKeys.claim(live, 60_000);
    clock += 10;
    const retention = createRetention({
      decisions: one.decisions,
      deliveryKeys: one.deliveryKeys,
      retentionDays: undefined,
      logger: db.logger,
      now: () => clock,
    });
    expect((await retention.pruneNow()).deliveryKeys).toBeGreaterThanOrEqual(1);
    const left = (await db.raw('select key from delivery_keys')).map((row) => row.key);
    expect(left).toContain(live);
    expect(left).not.toContain(expired);
  });

  it.each([
    ['an empty key', '', 1000],
    ['a key over 512 characters', 'k'.repeat(513), 1000],
    ['a ttl of zero', 'k', 0],
  ])('refuses %s', async (_name, key, ttl) => {
    await expect(one.deliveryKeys.claim(key, ttl)).rejects.toThrow(RangeError);
  });
});
