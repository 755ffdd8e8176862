import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputIds } from '../support/fill-form.js';
import { targetOf, viewOf } from '../support/flows.js';
import { BOT_TOKEN, type HttpHarness, startHttpHarness } from '../support/harness.js';
import { CHANNEL } from '../support/slack-payloads.js';

let harness: HttpHarness;
beforeEach(async () => {
  harness = await startHttpHarness();
});
afterEach(async () => {
  await harness.close();
});

describe('/chip-advice', () => {
  it('acknowledges with an empty body and opens the questionnaire with the trigger_id', async () => {
    const response = await harness.command('', { channelId: 'C0TEAM' });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');

    const [call] = await harness.api.waitFor('views.open');
    expect(call?.token).toBe(BOT_TOKEN);
    expect(call?.params.trigger_id).toMatch(/trigger/);
    const view = viewOf(call);
    expect(view.callback_id).toBe('chip_advice_questionnaire');
    expect(targetOf(view)).toEqual({
      kind: 'channel',
      channel: 'C0TEAM',
    });
  });

  it('opens the modal for the trigger_id of the command it answers', async () => {
    const trigger = '987.654.unique-trigger';
    await harness.post(
      new URLSearchParams({
        command: '/chip-advice',
        text: '',
        trigger_id: trigger,
        user_id: 'U0ASKER',
        channel_id: CHANNEL.id,
        team_id: 'T0FAKE',
        response_url: harness.api.responseUrl(),
      }).toString(),
      'application/x-www-form-urlencoded',
    );
    const [call] = await harness.api.waitFor('views.open');
    expect(call?.params.trigger_id).toBe(trigger);
  });

  it('opens a small first view: only the workload question, on which the others depend', async () => {
    await harness.command();
    const view = viewOf((await harness.api.waitFor('views.open'))[0]);
    expect(inputIds(view)).toEqual(['workload']);
    expect(JSON.stringify(view).length).toBeLessThan(1_500);
  });

  it('answers help only to the person who asked, without opening a modal', async () => {
    const response = await harness.command('help');
    expect(response.status).toBe(200);
    const body = response.json as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('I recommend an AI accelerator');
    expect(JSON.stringify(body.blocks)).toContain('`/chip-advice help`');
    await harness.settle();
    expect(harness.api.callsTo('views.open')).toHaveLength(0);
  });

  it('answers an unknown subcommand with a hint and the same help', async () => {
    const response = await harness.command('frobnicate <!channel>');
    const body = response.json as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/^I don’t know "frobnicate &lt;!channel&gt;"/);
    expect(JSON.stringify(body.blocks)).toContain('I recommend an AI accelerator');
    expect(JSON.stringify(body)).not.toContain('<!channel>');
    await harness.settle();
    expect(harness.api.callsTo('views.open')).toHaveLength(0);
  });
});
