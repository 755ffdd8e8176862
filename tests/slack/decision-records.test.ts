import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../src/app-version.js';
import { loadRuleset } from '../../src/core/index.js';
import { CHANNEL, messageButtonClick } from '../../testkit/slack-payloads.js';
import { ENGINES } from '../storage/support/engines.js';
import {
  answerQuestionnaire,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
  submit,
  TRAINING_ANSWERS,
  viewOf,
} from '../support/flows.js';
import { recordsIn, TEAM_ID, useAppWithStore } from '../support/store-app.js';

/**
 * A decision record for every delivered advice, written by the real app (signed requests to its
 * receiver, the fake Web API) into a real database, on both engines.
 */
describe.each(ENGINES)('decision records on %s', (engine) => {
  const app = useAppWithStore(engine, 'app_records');

  it('records the delivered advice: where, who, the answers, the chip, the ranking and the versions', async () => {
    await answerQuestionnaire(app.harness, await openFromCommand(app.harness), TRAINING_ANSWERS);
    const summary = await nthPosted(app.harness, 1);
    const [record] = await recordsIn(app.store, 1);
    expect(record).toMatchObject({
      workspace: { teamId: TEAM_ID },
      channelId: CHANNEL.id,
      summaryTs: summary.message.ts,
      threadTs: summary.message.ts,
      userId: 'U0ASKER',
      workloadName: 'ranking model',
      answers: TRAINING_ANSWERS,
      recommendation: { chip: 'nvidia-blackwell-rubin', vendor: 'nvidia' },
      rulesVersion: loadRuleset().version,
      appVersion: APP_VERSION,
      superseded: false,
    });
    expect(record?.ranking.map((entry) => entry.chip)).toHaveLength(4);
    expect(record?.ranking[0]).toMatchObject({ chip: 'nvidia-blackwell-rubin', eligible: true });
    expect(Math.abs(Date.now() - (record?.decidedAt.getTime() ?? 0))).toBeLessThan(60_000);
  });

  it('"Change answers" in the thread writes a new record that supersedes the first; the first stays', async () => {
    await answerQuestionnaire(app.harness, await openFromCommand(app.harness), INFERENCE_ANSWERS);
    const summary = await nthPosted(app.harness, 1);
    await recordsIn(app.store, 1);
    const click = messageButtonClick(summary, 'chip_advice_change_answers', {
      responseUrl: app.harness.api.responseUrl(),
    });
    await app.harness.interact(click);
    const view = viewOf((await app.harness.api.waitFor('views.open', 2))[1]);
    await submit(app.harness, view, { ...INFERENCE_ANSWERS, monthlySpendUsd: 5000 });
    const second = await nthPosted(app.harness, 3);
    const records = await recordsIn(app.store, 2);
    expect(records.map((r) => [r.summaryTs, r.threadTs, r.superseded])).toEqual([
      [second.message.ts, summary.message.ts, false],
      [summary.message.ts, summary.message.ts, true],
    ]);
    const current = await app.store.decisions.currentInThread(
      TEAM_ID,
      CHANNEL.id,
      summary.message.ts as string,
    );
    expect(current?.answers.monthlySpendUsd).toBe(5000);
  });

  it('writes nothing for a What-if reply', async () => {
    await answerQuestionnaire(app.harness, await openFromCommand(app.harness), INFERENCE_ANSWERS);
    await nthPosted(app.harness, 1);
    const reasoning = await nthPosted(app.harness, 2);
    await recordsIn(app.store, 1);
    await app.harness.interact(
      messageButtonClick(reasoning, 'chip_advice_what_if', {
        responseUrl: app.harness.api.responseUrl(),
      }),
    );
    await nthPosted(app.harness, 3);
    await app.harness.logs.waitFor('what-if answered');
    await app.harness.settle();
    expect(await recordsIn(app.store, 2, CHANNEL.id, 300)).toHaveLength(1);
  });

  it('keeps no token or secret in any table', async () => {
    await answerQuestionnaire(app.harness, await openFromCommand(app.harness), TRAINING_ANSWERS);
    await recordsIn(app.store, 1);
    await app.harness.command('history');
    await app.harness.api.waitFor('response_url');
    const tables =
      engine === 'sqlite'
        ? await app.db.raw(`select name from sqlite_master where type = 'table'`)
        : await app.db.raw(
            `select table_name as name from information_schema.tables where table_schema = $1`,
            [app.db.schema],
          );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['decisions', 'delivery_keys']),
    );
    let rows = 0;
    for (const { name } of tables) {
      for (const row of await app.db.raw(`select * from "${String(name)}"`)) {
        rows += 1;
        const text = JSON.stringify(row);
        for (const secret of [
          'xoxb-',
          'xapp-',
          'xoxp-',
          'test-signing-secret',
          'hooks.slack',
          'response',
        ]) {
          expect(text, `${String(name)} row`).not.toContain(secret);
        }
      }
    }
    expect(rows).toBeGreaterThan(2);
  });

  it('deletes one workspace’s data, and only that workspace’s', async () => {
    await answerQuestionnaire(app.harness, await openFromCommand(app.harness), TRAINING_ANSWERS);
    const [mine] = await recordsIn(app.store, 1);
    if (!mine) throw new Error('no record');
    await app.store.decisions.record({ ...mine, workspace: { teamId: 'T0OTHER' } });
    expect(await app.store.decisions.deleteWorkspace(TEAM_ID)).toBe(1);
    expect(await recordsIn(app.store, 1, CHANNEL.id, 0)).toEqual([]);
    const other = await app.store.decisions.recentInChannel('T0OTHER', CHANNEL.id);
    expect(other.decisions).toHaveLength(1);
  });
});
