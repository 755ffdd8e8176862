import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRetention } from '../../src/storage/index.js';
import { ENGINES, useTwoStores } from './support/engines.js';

describe.each(ENGINES)('delivery keys on %s', (engine) => {
  const s = useTwoStores(engine, 'keys', Date.parse('2026-11-27T10:00:00Z'));

  it('claims a key once; every later claim is a repeat, from any store', async () => {
    const key = randomUUID();
    expect(await s.one.deliveryKeys.claim(key, 60_000)).toBe('first');
    expect(await s.one.deliveryKeys.claim(key, 60_000)).toBe('repeat');
    expect(await s.two.deliveryKeys.claim(key, 60_000)).toBe('repeat');
  });

  it('of 40 simultaneous claims of a key from two stores, exactly one is first', async () => {
    const key = randomUUID();
    const claims = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? s.one : s.two).deliveryKeys.claim(key, 60_000)),
    );
    expect(claims.filter((claim) => claim === 'first')).toHaveLength(1);
  });

  it('lets an expired key be claimed again, once', async () => {
    const key = randomUUID();
    expect(await s.one.deliveryKeys.claim(key, 1000)).toBe('first');
    s.now += 999;
    expect(await s.two.deliveryKeys.claim(key, 1000)).toBe('repeat');
    s.now += 1;
    const again = await Promise.all([
      s.one.deliveryKeys.claim(key, 1000),
      s.two.deliveryKeys.claim(key, 1000),
    ]);
    expect(again.sort()).toEqual(['first', 'repeat']);
  });

  it('prunes expired keys and keeps live ones', async () => {
    const expired = randomUUID();
    const live = randomUUID();
    await s.one.deliveryKeys.claim(expired, 10);
    await s.one.deliveryKeys.claim(live, 60_000);
    s.now += 10;
    const retention = createRetention({
      decisions: s.one.decisions,
      deliveryKeys: s.one.deliveryKeys,
      retentionDays: undefined,
      logger: s.db.logger,
      now: () => s.now,
    });
    expect((await retention.pruneNow()).deliveryKeys).toBeGreaterThanOrEqual(1);
    const left = (await s.db.raw('select key from delivery_keys')).map((row) => row.key);
    expect(left).toContain(live);
    expect(left).not.toContain(expired);
  });

  it.each([
    ['an empty key', '', 1000],
    ['a key over 512 characters', 'k'.repeat(513), 1000],
    ['a ttl of zero', 'k', 0],
  ])('refuses %s', async (_name, key, ttl) => {
    await expect(s.one.deliveryKeys.claim(key, ttl)).rejects.toThrow(RangeError);
  });
});
