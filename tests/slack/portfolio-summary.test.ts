import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdvisor, loadRuleset } from '../../src/core/index.js';
import { ActionId } from '../../src/slack/messages/ids.js';
import type { Store } from '../../src/storage/index.js';
import { CHANNEL, messageButtonClick } from '../../testkit/slack-payloads.js';
import { ENGINES, type TestDatabase, testDatabase } from '../storage/support/engines.js';
import {
  answerQuestionnaire,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
  type Posted,
  postedOf,
  submit,
  TRAINING_ANSWERS,
  TRAINIUM_ANSWERS,
  viewOf,
} from '../support/flows.js';
import type { HttpHarness } from '../support/harness.js';
import { copyRules } from '../support/rules-dir.js';
import { recordsIn, startWithStore } from '../support/store-app.js';

type Json = Record<string, unknown>;
const textOf = (value: unknown) => JSON.stringify(value);

/**
 * `/chip-advice summary` end to end: the real app over a real database (SQLite and PostgreSQL), signed requests
 * to its receiver and the fake Web API. Submissions in a channel, a "Change answers" that
 * supersedes one, the summary, its CSV upload, and Re-evaluate once a rule file has changed.
 */
describe.each(ENGINES)('the portfolio of a channel, on %s', (engine) => {
  let db: TestDatabase;
  let store: Store;
  const rules = copyRules();
  let summaryTs: string;

  beforeAll(async () => {
    db = await testDatabase(engine, 'app_portfolio');
    store = await db.open();
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
    rules.cleanup();
  });

  /** `/chip-advice summary` → the message it posted in the channel (the `n`-th post of the app). */
  async function summary(harness: HttpHarness, n: number): Promise<Posted> {
    const response = await harness.command('summary');
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    return nthPosted(harness, n);
  }

  it('answers a channel without decisions, only to the person, with how to start', async (context) => {
    const harness = await startWithStore(store, { RULES_DIR: rules.dir });
    context.onTestFinished(() => harness.close());
    await harness.command('summary');
    const [reply] = await harness.api.waitFor('response_url');
    expect(reply?.params).toMatchObject({ response_type: 'ephemeral' });
    expect(String((reply?.params as Json | undefined)?.text)).toContain(
      '`/chip-advice summary` then sums them up',
    );
    expect(harness.api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('posts the current decisions of the channel, visible to it, and uploads them as CSV into its thread', async (context) => {
    const harness = await startWithStore(store, { RULES_DIR: rules.dir });
    context.onTestFinished(() => harness.close());
    const batch = [
      { ...INFERENCE_ANSWERS, workloadName: 'Search ranking' },
      TRAINING_ANSWERS,
      { ...TRAINIUM_ANSWERS, workloadName: 'LLM pre-training' },
    ];
    for (const [i, answers] of batch.entries()) {
      await answerQuestionnaire(harness, await openFromCommand(harness), answers);
      await nthPosted(harness, 2 * i + 2);
      await recordsIn(store, i + 1);
    }
    // "Change answers" on the first: its thread's current decision is the new one.
    const first = postedOf((await harness.api.waitFor('chat.postMessage', 1))[0] as never);
    await harness.interact(
      messageButtonClick(first, ActionId.changeAnswers, { responseUrl: harness.api.responseUrl() }),
    );
    const view = viewOf((await harness.api.waitFor('views.open', 4))[3]);
    await submit(harness, view, {
      ...INFERENCE_ANSWERS,
      workloadName: 'Search ranking',
      monthlySpendUsd: 20_000,
    });
    await nthPosted(harness, 8);
    await recordsIn(store, 4);

    const posted = await summary(harness, 9);
    summaryTs = String(posted.message.ts);
    expect(posted.call.params.channel).toBe(CHANNEL.id);
    expect(posted.call.params.thread_ts).toBeUndefined();
    const blocks = posted.message.blocks as Json[];
    const table = blocks.at(-1) as { type: string; rows: Json[][] };
    expect(table.type).toBe('table');
    const names = table.rows.slice(1).map((row) => textOf(row[0]));
    expect(names).toHaveLength(3);
    // Largest first; the superseded $50,000 record is not counted, its $20,000 successor is.
    expect(names[0]).toContain('LLM pre-training');
    expect(names[1]).toContain('Search ranking');
    expect(names[2]).toContain('ranking model');
    const link = `https://fake-team.slack.com/archives/${CHANNEL.id}/p${String(first.message.ts).replace('.', '')}`;
    expect(names[1]).toContain(link);
    expect(String(posted.message.text)).toBe(
      'Portfolio: 3 workloads, $108,000 a month; 2 on AWS silicon, 1 on NVIDIA.',
    );
    expect(textOf(blocks)).toContain('$0 to $40,000 a month ($0 to $480,000 a year)');
    // All made under today's rules: no notice, no Re-evaluate.
    expect(textOf(blocks)).not.toContain(ActionId.reevaluatePortfolio);

    await harness.interact(
      messageButtonClick(posted, ActionId.exportPortfolioCsv, {
        responseUrl: harness.api.responseUrl(),
      }),
    );
    const [completed] = await harness.api.waitFor('files.completeUploadExternal');
    expect(harness.api.calls.map((call) => call.method).slice(-3)).toEqual([
      'files.getUploadURLExternal',
      'file_upload',
      'files.completeUploadExternal',
    ]);
    expect(completed?.params).toMatchObject({ channel_id: CHANNEL.id, thread_ts: summaryTs });
    const uploaded = completed?.response.body as { files?: { id: string }[] } | undefined;
    const fileId = uploaded?.files?.[0]?.id ?? '';
    const lines = String(harness.api.file(fileId)?.content).split('\r\n');
    expect(lines[0]).toBe(
      'workload,kind,spend,chip,vendor,decided by,decided at,rules version,thread link',
    );
    expect(lines.filter((line) => line !== '')).toHaveLength(4);
    expect(
      lines.some((line) =>
        line.startsWith('Search ranking,inference,20000,inferentia,aws,U0ASKER,'),
      ),
    ).toBe(true);
  });

  it('uploads the CSV once when Export CSV is clicked twice in a row, and tells the second click why', async (context) => {
    const harness = await startWithStore(store, { RULES_DIR: rules.dir });
    context.onTestFinished(() => harness.close());
    const posted = await summary(harness, 1);
    const held = harness.api.hold('files.getUploadURLExternal', { times: 1 });
    const click = () =>
      harness.interact(
        messageButtonClick(posted, ActionId.exportPortfolioCsv, {
          responseUrl: harness.api.responseUrl(),
        }),
      );
    await click();
    await held.arrived();
    await click();
    const [told] = await harness.api.waitFor('response_url');
    expect((told?.params as Json | undefined)?.text).toBe(
      'The CSV of this summary is already being uploaded.',
    );
    held.release();
    await harness.api.waitFor('files.completeUploadExternal');
    await harness.logs.waitFor('portfolio CSV uploaded');
    expect(harness.api.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(harness.api.callsTo('files.completeUploadExternal')).toHaveLength(1);
  });

  it('says when decisions were made under other rules, and Re-evaluate shows which would change and why', async (context) => {
    // The spend line moves from $10,000 to $100,000 a month in every rule that reads it.
    for (const name of readdirSync(rules.dir).filter((file) => file.endsWith('.json'))) {
      const text = readFileSync(path.join(rules.dir, name), 'utf8');
      rules.write(name, text.replaceAll('"value": 10000', '"value": 100000'));
    }
    const today = createAdvisor(loadRuleset(rules.dir));
    const harness = await startWithStore(store, { RULES_DIR: rules.dir });
    context.onTestFinished(() => harness.close());
    const posted = await summary(harness, 1);
    const text = textOf(posted.message.blocks);
    expect(text).toContain("3 decisions of 3 were made under other rules than today's");
    expect(text).toContain(ActionId.reevaluatePortfolio);

    await harness.interact(
      messageButtonClick(posted, ActionId.reevaluatePortfolio, {
        responseUrl: harness.api.responseUrl(),
      }),
    );
    const reply = await nthPosted(harness, 2);
    expect(reply.call.params.thread_ts).toBe(posted.message.ts);
    const current = await store.decisions.currentInChannel('T0FAKE', CHANNEL.id);
    const changed = [];
    for (const decision of current.decisions) {
      const now = (await today.advise(decision.answers)).recommendation;
      if (now.chip !== decision.recommendation.chip) changed.push({ decision, now });
    }
    expect(changed.length).toBeGreaterThan(0);
    const replyText = textOf(reply.message.blocks);
    expect(String(reply.message.text)).toContain(
      `${changed.length} of 3 workloads would change chip`,
    );
    for (const { decision, now } of changed) {
      expect(replyText).toContain(`*${decision.workloadName}*`);
      expect(replyText).toContain(`*${now.label}*`);
    }
    expect(replyText).toContain('Nothing was rewritten.');
    // Nothing was rewritten indeed.
    expect((await store.decisions.recentInChannel('T0FAKE', CHANNEL.id)).decisions).toHaveLength(4);
  });
});
