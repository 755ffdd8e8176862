import { describe, expect, it } from 'vitest';
import { appHomeOpened, CHANNEL } from '../../testkit/slack-payloads.js';
import { aDecision } from '../storage/support/decisions.js';
import { ENGINES } from '../storage/support/engines.js';
import {
  answerQuestionnaire,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
  TRAINING_ANSWERS,
  viewOf,
} from '../support/flows.js';
import { recordsIn, TEAM_ID, useAppWithStore } from '../support/store-app.js';

type Json = Record<string, unknown>;
const textOf = (blocks: unknown) => JSON.stringify(blocks);

describe.each(ENGINES)('looking back on %s', (engine) => {
  const app = useAppWithStore(engine, 'app_history');

  /** Runs `/chip-advice history` → what the app sent to the command's response_url. */
  async function history(): Promise<Json> {
    const response = await app.harness.command('history');
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const [reply] = await app.harness.api.waitFor('response_url');
    return reply?.params as Json;
  }

  it('answers a channel with no decisions, only to the person, saying so', async () => {
    const reply = await history();
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe(
      'No decisions are recorded in this channel yet. Run `/chip-advice` to get the first one.',
    );
  });

  it('lists the channel’s decisions newest first, each linked to its thread, only to the person', async () => {
    await answerQuestionnaire(app.harness, await openFromCommand(app.harness), TRAINING_ANSWERS);
    const first = await nthPosted(app.harness, 1);
    await recordsIn(app.store, 1);
    await answerQuestionnaire(app.harness, await openFromCommand(app.harness), {
      ...INFERENCE_ANSWERS,
      workloadName: 'Search <ranking>',
    });
    const second = await nthPosted(app.harness, 3);
    await recordsIn(app.store, 2);
    // Another channel's decision is not listed.
    await app.store.decisions.record(
      await aDecision({ workspace: { teamId: TEAM_ID }, channelId: 'C0OTHER' }),
    );

    const reply = await history();
    expect(reply.response_type).toBe('ephemeral');
    const blocks = reply.blocks as Json[];
    expect(blocks).toHaveLength(3);
    const link = (posted: typeof first) =>
      `https://fake-team.slack.com/archives/${CHANNEL.id}/p${String(posted.message.ts).replace('.', '')}`;
    const lines = blocks.slice(1).map((block) => (block.text as { text: string }).text);
    expect(lines[0]).toContain(`*<${link(second)}|Search &lt;ranking&gt;>* → AWS Inferentia`);
    expect(lines[1]).toContain(`*<${link(first)}|ranking model>* → NVIDIA Blackwell/Rubin`);
    expect(lines[1]).toMatch(
      /<!date\^\d+\^\{date_short_pretty\} \{time\}\|20\d\d-.*> · asked by <@U0ASKER>/,
    );
    expect(app.harness.api.callsTo('chat.getPermalink').map((call) => call.params.channel)).toEqual(
      [CHANNEL.id, CHANNEL.id],
    );
  });

  it('still lists a decision without its link when Slack gives none', async () => {
    await answerQuestionnaire(app.harness, await openFromCommand(app.harness), TRAINING_ANSWERS);
    await recordsIn(app.store, 1);
    app.harness.api.fail('chat.getPermalink', { error: 'message_not_found' });
    const reply = await history();
    expect(textOf(reply.blocks)).toContain('*ranking model* → NVIDIA Blackwell/Rubin');
    await app.harness.logs.waitFor('some history entries have no link: chat.getPermalink failed');
  });

  it('lists the person’s own recent decisions on their Home tab', async () => {
    await answerQuestionnaire(app.harness, await openFromCommand(app.harness), TRAINING_ANSWERS);
    await recordsIn(app.store, 1);
    await app.store.decisions.record(
      await aDecision({ workspace: { teamId: TEAM_ID }, userId: 'U0SOMEONE' }),
    );
    await app.harness.event(appHomeOpened('home'));
    const [publish] = await app.harness.api.waitFor('views.publish');
    expect(publish?.params.user_id).toBe('U0ASKER');
    const text = textOf((publish?.params.view as Json | undefined)?.blocks);
    expect(text).toContain('Your recent decisions');
    expect(text).toContain('ranking model');
    expect(text).not.toContain('Search ranking');
    expect(text).toContain('Which AI accelerator fits your workload?');
    expect(viewOf(publish)).toBeDefined();
  });

  it('tells a person with no decisions yet on the Home tab', async () => {
    await app.harness.event(appHomeOpened('home'));
    const [publish] = await app.harness.api.waitFor('views.publish');
    expect(textOf((publish?.params.view as Json | undefined)?.blocks)).toContain(
      'None yet: the advice you ask for will be listed here.',
    );
  });

  it('mentions history in help', async () => {
    const response = await app.harness.command('help');
    expect(textOf(response.json)).toContain('/chip-advice history');
  });
});
