import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoredDataInvalidError } from '../../src/errors.js';
import type { Store } from '../../src/storage/index.js';
import { aDecision, later, nextTs } from './support/decisions.js';
import { ENGINES, type TestDatabase, testDatabase } from './support/engines.js';

describe.each(ENGINES)('decision records on %s', (engine) => {
  let db: TestDatabase;
  let store: Store;
  // Each test works in its own channel, so tests do not see each other's records.
  let channels = 0;
  const aChannel = () => {
    channels += 1;
    return `C${engine.toUpperCase()}${channels}`;
  };

  beforeAll(async () => {
    db = await testDatabase(engine, 'decisions');
    store = await db.open();
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('writes a record and reads it back as it was given', async () => {
    const channelId = aChannel();
    const decision = await aDecision({
      channelId,
      workspace: { teamId: 'T0001', enterpriseId: 'E0001' },
    });
    expect(await store.decisions.record(decision)).toBe('written');
    const { decisions, unreadable } = await store.decisions.recentInChannel('T0001', channelId);
    expect(unreadable).toBe(0);
    expect(decisions).toHaveLength(1);
    const [stored] = decisions;
    expect(stored).toMatchObject({
      workspace: { teamId: 'T0001', enterpriseId: 'E0001' },
      channelId,
      summaryTs: decision.summaryTs,
      threadTs: decision.threadTs,
      userId: 'U0001',
      workloadName: 'Search ranking',
      answers: decision.answers,
      recommendation: {
        chip: decision.recommendation.chip,
        vendor: decision.recommendation.vendor,
      },
      rulesVersion: 'sha256:0123456789abcdef',
      appVersion: '0.1.0',
      decidedAt: decision.decidedAt,
      superseded: false,
    });
    // Only what a decision needs of the ranking is kept: chip, vendor, score, eligible.
    expect(stored?.ranking).toEqual(
      decision.ranking.map(({ chip, vendor, score, eligible }) => ({
        chip,
        vendor,
        score,
        eligible,
      })),
    );
    expect(stored?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps one record when the same summary is recorded twice (a retried write)', async () => {
    const channelId = aChannel();
    const decision = await aDecision({ channelId });
    expect(await store.decisions.record(decision)).toBe('written');
    expect(await store.decisions.record(decision)).toBe('already-written');
    expect((await store.decisions.recentInChannel('T0001', channelId)).decisions).toHaveLength(1);
  });

  it('a new record for a thread supersedes the earlier one, which stays in the history', async () => {
    const channelId = aChannel();
    const first = await aDecision({ channelId });
    const changed = await aDecision(
      {
        channelId,
        threadTs: first.threadTs,
        decidedAt: later(first.decidedAt, 5),
      },
      { ...first.answers, monthlySpendUsd: 500 },
    );
    const other = await aDecision({ channelId, decidedAt: later(first.decidedAt, 1) });
    for (const decision of [first, changed, other]) await store.decisions.record(decision);

    const recent = await store.decisions.recentInChannel('T0001', channelId);
    expect(recent.decisions.map((d) => [d.summaryTs, d.superseded])).toEqual([
      [changed.summaryTs, false],
      [other.summaryTs, false],
      [first.summaryTs, true],
    ]);
    const current = await store.decisions.currentInChannel('T0001', channelId);
    expect(current.decisions.map((d) => d.summaryTs)).toEqual([changed.summaryTs, other.summaryTs]);
    const thread = await store.decisions.currentInThread('T0001', channelId, first.threadTs);
    expect(thread?.summaryTs).toBe(changed.summaryTs);
    expect(thread?.answers.monthlySpendUsd).toBe(500);
  });

  it('orders a thread by decision time, not by when the record was written', async () => {
    const channelId = aChannel();
    const first = await aDecision({ channelId });
    const changed = await aDecision({
      channelId,
      threadTs: first.threadTs,
      decidedAt: later(first.decidedAt, 1),
    });
    // The later decision is written first, as when the first record waited out an outage.
    await store.decisions.record(changed);
    await store.decisions.record(first);
    const current = await store.decisions.currentInChannel('T0001', channelId);
    expect(current.decisions.map((d) => d.summaryTs)).toEqual([changed.summaryTs]);
  });

  it('lists newest first, up to the limit, and only the channel and workspace asked for', async () => {
    const channelId = aChannel();
    const start = new Date('2026-01-01T00:00:00Z');
    const made = [];
    for (let i = 0; i < 7; i += 1)
      made.push(await aDecision({ channelId, decidedAt: later(start, i) }));
    await Promise.all(made.map((decision) => store.decisions.record(decision)));
    await store.decisions.record(await aDecision({ channelId: aChannel() }));
    await store.decisions.record(await aDecision({ channelId, workspace: { teamId: 'T0002' } }));

    const recent = await store.decisions.recentInChannel('T0001', channelId, { limit: 3 });
    expect(recent.decisions.map((d) => d.summaryTs)).toEqual(
      made
        .slice(-3)
        .reverse()
        .map((d) => d.summaryTs),
    );
    const all = await store.decisions.currentInChannel('T0001', channelId);
    expect(all.decisions).toHaveLength(7);
  });

  it("lists a person's recent decisions across the workspace's channels", async () => {
    const userId = `U${engine.toUpperCase()}9`;
    const a = await aDecision({ userId, channelId: aChannel() });
    const b = await aDecision({ userId, channelId: aChannel(), decidedAt: later(a.decidedAt, 1) });
    await store.decisions.record(a);
    await store.decisions.record(b);
    await store.decisions.record(await aDecision({ userId, workspace: { teamId: 'T0003' } }));
    const mine = await store.decisions.recentByUser('T0001', userId);
    expect(mine.decisions.map((d) => d.channelId)).toEqual([b.channelId, a.channelId]);
  });

  it("deletes one workspace's records and no other's", async () => {
    const channelId = aChannel();
    await store.decisions.record(await aDecision({ channelId, workspace: { teamId: 'TGONE' } }));
    await store.decisions.record(await aDecision({ channelId, workspace: { teamId: 'TGONE' } }));
    await store.decisions.record(await aDecision({ channelId, workspace: { teamId: 'TSTAY' } }));
    expect(await store.decisions.deleteWorkspace('TGONE')).toBe(2);
    expect((await store.decisions.recentInChannel('TGONE', channelId)).decisions).toEqual([]);
    expect((await store.decisions.recentInChannel('TSTAY', channelId)).decisions).toHaveLength(1);
  });

  it.each([
    [
      'a team id that is not a Slack id',
      { workspace: { teamId: "T1'; drop table decisions;--" } },
      'workspace.teamId',
    ],
    ['a summary ts that is not a ts', { summaryTs: 'yesterday' }, 'summaryTs'],
    ['answers the schema refuses', { answers: { workload: 'mining' } as never }, 'answers'],
    ['an empty ranking', { ranking: [] }, 'ranking'],
    ['an invalid time', { decidedAt: new Date(Number.NaN) }, 'decidedAt'],
  ])('refuses to record %s, naming the field', async (_name, overrides, field) => {
    const decision = { ...(await aDecision({ channelId: aChannel() })), ...overrides };
    const error = await store.decisions.record(decision).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoredDataInvalidError);
    expect((error as StoredDataInvalidError).problems.join('\n')).toContain(`${field}`);
  });

  it('skips and logs a corrupt record instead of failing the whole list', async () => {
    const channelId = aChannel();
    const good = await aDecision({ channelId });
    const bad = await aDecision({ channelId, decidedAt: later(good.decidedAt, 1) });
    await store.decisions.record(good);
    await store.decisions.record(bad);
    const corrupt =
      engine === 'postgres'
        ? `update decisions set answers = '{"workload":"mining"}'::jsonb where summary_ts = $1`
        : `update decisions set answers = '{"workload": trunc' where summary_ts = ?`;
    await db.raw(corrupt, [bad.summaryTs]);

    const list = await store.decisions.recentInChannel('T0001', channelId);
    expect(list.decisions.map((d) => d.summaryTs)).toEqual([good.summaryTs]);
    expect(list.unreadable).toBe(1);
    const logged = db.sink
      .entries()
      .find((e) => e.msg === 'skipped a decision record that cannot be read');
    expect(logged).toMatchObject({ code: 'chip_advice_stored_data_invalid' });
    expect(String((logged?.problems as string[] | undefined)?.[0])).toMatch(/^answers/);

    const error = await store.decisions
      .currentInThread('T0001', channelId, bad.threadTs)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoredDataInvalidError);
    expect((error as Error).message).toMatch(
      /^decision [0-9a-f-]{36} in the database is invalid: answers/,
    );
  });

  it('prunes records decided before a cutoff', async () => {
    const channelId = aChannel();
    const old = await aDecision({ channelId, decidedAt: new Date('2001-01-01T00:00:00Z') });
    const kept = await aDecision({ channelId, decidedAt: new Date('2001-01-03T00:00:00Z') });
    await store.decisions.record(old);
    await store.decisions.record(kept);
    expect(await store.decisions.pruneDecidedBefore(new Date('2001-01-02T00:00:00Z'))).toBe(1);
    expect(
      (await store.decisions.recentInChannel('T0001', channelId)).decisions.map((d) => d.summaryTs),
    ).toEqual([kept.summaryTs]);
  });

  it('keeps no token, secret or response_url in any column', async () => {
    const channelId = aChannel();
    await store.decisions.record(await aDecision({ channelId, summaryTs: nextTs() }));
    const columns =
      engine === 'postgres'
        ? (
            await db.raw(
              `select table_name, column_name from information_schema.columns where table_schema = $1`,
              [db.schema],
            )
          ).map((row) => `${row.table_name}.${row.column_name}`)
        : (
            await db.raw(
              `select m.name || '.' || p.name as col from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table'`,
            )
          ).map((row) => String(row.col));
    expect(columns.filter((column) => /token|secret|response_url|password/i.test(column))).toEqual(
      [],
    );
    const rows = await db.raw('select * from decisions');
    expect(JSON.stringify(rows)).not.toMatch(/xox[abp]-|hooks\.slack\.com/);
  });
});
