import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTogether } from './support/children.js';
import { aDecision } from './support/decisions.js';
import { ENGINES, type TestDatabase, testDatabase } from './support/engines.js';

describe.each(ENGINES)('several processes on one %s database', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await testDatabase(engine, 'processes');
    await (await db.open()).close();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('three processes claiming the same 300 keys at once: each key is won by exactly one', async () => {
    const claim = { database: db.database, schema: db.schema, task: 'claim', count: 300 } as const;
    const results = await runTogether([claim, claim, claim]);
    for (const result of results) expect(result).not.toHaveProperty('error');
    const won = results.flatMap((result) => result.won as number[]);
    expect(won.sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });

  it('three processes recording at once: every record is written, none fails', async () => {
    const decision = await aDecision({ channelId: 'CPROC' });
    const results = await runTogether(
      ['1764100001', '1764100002', '1764100003'].map((prefix) => ({
        database: db.database,
        schema: db.schema,
        task: 'record' as const,
        count: 100,
        prefix,
      })),
      { decision },
    );
    for (const result of results) expect(result).toMatchObject({ recorded: 100 });
    const [row] = await db.raw(`select count(*) as n from decisions where channel_id = 'CPROC'`);
    expect(Number(row?.n)).toBe(300);
  });
});
