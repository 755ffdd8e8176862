import { describe, expect, it } from 'vitest';
import type { NewOutboxEntry } from '../../src/storage/index.js';
import { ENGINES, useTwoStores } from './support/engines.js';

const entry = (n: number): NewOutboxEntry => ({
  teamId: 'T1',
  enterpriseId: undefined,
  userId: `U${n}`,
  payload: { n, answers: { workload: 'training' } },
  deadlineAt: Date.parse('2026-11-28T10:00:00Z'),
  error: 'connect ECONNREFUSED',
});

describe.each(ENGINES)('the outbox on %s', (engine) => {
  const s = useTwoStores(engine, 'outbox', Date.parse('2026-11-27T10:00:00Z'));

  it('keeps an entry as written and reports it in the stats', async () => {
    const accepted = s.now;
    const id = await s.one.outbox.add(entry(0));
    expect(await s.two.outbox.stats()).toEqual({ pending: 1, oldestAcceptedAt: accepted });
    const [claimed] = await s.two.outbox.claimDue('b', 60_000, 10);
    expect(claimed).toEqual({
      id,
      teamId: 'T1',
      enterpriseId: undefined,
      userId: 'U0',
      payload: { n: 0, answers: { workload: 'training' } },
      acceptedAt: accepted,
      deadlineAt: entry(0).deadlineAt,
      attempts: 0,
      lastError: 'connect ECONNREFUSED',
    });
    expect(await s.one.outbox.finish(id, 'a')).toBe(false);
    expect(await s.two.outbox.finish(id, 'b')).toBe(true);
    expect(await s.one.outbox.stats()).toEqual({ pending: 0, oldestAcceptedAt: undefined });
  });

  it('of 30 entries claimed by two stores at once, each goes to exactly one owner', async () => {
    const ids = new Set<string>();
    for (let n = 0; n < 30; n += 1) ids.add(await s.one.outbox.add(entry(n)));
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? s.one : s.two).outbox.claimDue(`owner-${i}`, 60_000, 4),
      ),
    );
    const claimed = claims.flat().map((e) => e.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBeLessThanOrEqual(30);
    // Whatever is left is claimable once; nothing is claimed twice while leased.
    const rest = await s.one.outbox.claimDue('late', 60_000, 100);
    expect(new Set([...claimed, ...rest.map((e) => e.id)])).toEqual(ids);
    expect(await s.two.outbox.claimDue('again', 60_000, 100)).toEqual([]);
    // A lease that expires (its process died) makes the entries due again.
    s.now += 60_000;
    const again = await s.two.outbox.claimDue('after', 60_000, 100);
    expect(again).toHaveLength(30);
    for (const e of again) expect(await s.two.outbox.finish(e.id, 'after')).toBe(true);
  });

  it('reschedules with the attempt counted and the progress kept', async () => {
    const id = await s.one.outbox.add(entry(1));
    await s.one.outbox.claimDue('a', 60_000, 10);
    expect(await s.two.outbox.retryLater(id, 'b', { nextAt: s.now + 5000, error: 'nope' })).toBe(
      false,
    );
    expect(
      await s.one.outbox.retryLater(id, 'a', {
        nextAt: s.now + 5000,
        error: 'HTTP 429',
        payload: { n: 1, summaryTs: '1.2' },
      }),
    ).toBe(true);
    expect(await s.two.outbox.claimDue('b', 60_000, 10)).toEqual([]);
    s.now += 5000;
    const [due] = await s.two.outbox.claimDue('b', 60_000, 10);
    expect(due).toMatchObject({
      id,
      attempts: 1,
      lastError: 'HTTP 429',
      payload: { summaryTs: '1.2' },
    });
    await s.two.outbox.finish(id, 'b');
  });

  it('drops the entries of one workspace, or of one Enterprise Grid org, and returns them', async () => {
    const of = (teamId: string | undefined, enterpriseId: string | undefined, n: number) =>
      s.one.outbox.add({ ...entry(n), teamId, enterpriseId });
    await of('T1', undefined, 1);
    await of('T1', undefined, 2);
    await of('T2', 'E1', 3);
    await of(undefined, 'E1', 4);
    await of('T3', undefined, 5);
    const users = (entries: { userId: string }[]) => entries.map((e) => e.userId).sort();
    expect(users(await s.two.outbox.dropWorkspace('T1'))).toEqual(['U1', 'U2']);
    expect(await s.two.outbox.dropWorkspace('T1')).toEqual([]);
    expect(users(await s.two.outbox.dropEnterprise('E1'))).toEqual(['U3', 'U4']);
    expect((await s.one.outbox.stats()).pending).toBe(1);
    expect(users(await s.one.outbox.claimDue('a', 60_000, 10))).toEqual(['U5']);
  });
});
