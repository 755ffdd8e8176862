import { describe, expect } from 'vitest';
import { inputIds } from '../../testkit/fill-form.js';
import { CHANNEL } from '../../testkit/slack-payloads.js';
import { test } from '../support/fixtures.js';
import { targetOf, viewOf } from '../support/flows.js';
import { BOT_TOKEN } from '../support/harness.js';

describe('/chip-advice', () => {
  test('acknowledges with an empty body and opens the questionnaire with the trigger_id', async ({
    harness,
  }) => {
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

  test('opens the modal for the trigger_id of the command it answers', async ({ harness }) => {
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

  test('opens a small first view: only the workload question, on which the others depend', async ({
    harness,
  }) => {
    await harness.command();
    const view = viewOf((await harness.api.waitFor('views.open'))[0]);
    expect(inputIds(view)).toEqual(['workload']);
    expect(JSON.stringify(view).length).toBeLessThan(1_500);
  });

  test('answers help only to the person who asked, without opening a modal', async ({
    harness,
  }) => {
    const response = await harness.command('help');
    expect(response.status).toBe(200);
    const body = response.json as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('I recommend an AI accelerator');
    expect(JSON.stringify(body.blocks)).toContain('`/chip-advice help`');
    await harness.settle();
    expect(harness.api.callsTo('views.open')).toHaveLength(0);
  });

  test('answers an unknown subcommand with a hint and the same help', async ({ harness }) => {
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
