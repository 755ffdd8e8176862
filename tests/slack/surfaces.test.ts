import { describe, expect } from 'vitest';
import { loadRuleset } from '../../src/core/index.js';
import {
  appHomeOpened,
  CHANNEL,
  homeButtonClick,
  messageShortcut,
  USER,
} from '../../testkit/slack-payloads.js';
import { test } from '../support/fixtures.js';
import {
  answerQuestionnaire,
  INFERENCE_ANSWERS,
  nthPosted,
  TRAINING_ANSWERS,
  targetOf,
  viewOf,
} from '../support/flows.js';

describe('the App Home tab', () => {
  test('publishes the decision framework and the chips when the Home tab is opened', async ({
    harness,
  }) => {
    const response = await harness.event(appHomeOpened('home'));
    expect(response.status).toBe(200);
    const [call] = await harness.api.waitFor('views.publish');
    expect(call?.params.user_id).toBe(USER.id);
    const view = call?.params.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    const { article, chips } = loadRuleset();
    for (const section of article.sections) expect(text).toContain(section.heading);
    for (const chip of chips) expect(text).toContain(chip.label);
    expect(text).toContain('chip_advice_start_questionnaire');
  });

  test('publishes nothing when the Messages tab is opened', async ({ harness }) => {
    await harness.event(appHomeOpened('messages'));
    await harness.logs.waitFor('not the Home tab; nothing to publish');
    expect(harness.api.callsTo('views.publish')).toHaveLength(0);
  });

  test('starts the questionnaire from its button and sends the advice as a direct message', async ({
    harness,
  }) => {
    await harness.event(appHomeOpened('home'));
    const home = viewOf((await harness.api.waitFor('views.publish'))[0]);
    await harness.interact(homeButtonClick(home, 'chip_advice_start_questionnaire'));
    const modal = viewOf((await harness.api.waitFor('views.open'))[0]);
    expect(targetOf(modal)).toEqual({ kind: 'dm' });

    await answerQuestionnaire(harness, modal, TRAINING_ANSWERS);
    const [opened] = await harness.api.waitFor('conversations.open');
    expect(opened?.params.users).toBe(USER.id);
    const summary = await nthPosted(harness, 1);
    const reasoning = await nthPosted(harness, 2);
    expect(summary.call.params.channel).toBe('D0ASKER');
    expect(reasoning.call.params).toMatchObject({
      channel: 'D0ASKER',
      thread_ts: summary.message.ts,
    });
  });
});

describe('the “Get chip advice” message shortcut', () => {
  const message = {
    ts: '1699999999.000100',
    user: 'U0OTHER',
    text: 'Which chips for the new model?',
  };

  test('opens the questionnaire aimed at the message’s thread', async ({ harness }) => {
    const response = await harness.interact(
      messageShortcut(message, 'chip_advice_message_shortcut', harness.api.responseUrl()),
    );
    expect(response.status).toBe(200);
    const modal = viewOf((await harness.api.waitFor('views.open'))[0]);
    expect(modal.callback_id).toBe('chip_advice_questionnaire');
    expect(targetOf(modal)).toEqual({
      kind: 'channel',
      channel: CHANNEL.id,
      threadTs: message.ts,
    });
  });

  test('answers in that message’s thread: summary and reasoning', async ({ harness }) => {
    await harness.interact(
      messageShortcut(message, 'chip_advice_message_shortcut', harness.api.responseUrl()),
    );
    const modal = viewOf((await harness.api.waitFor('views.open'))[0]);
    await answerQuestionnaire(harness, modal, INFERENCE_ANSWERS);
    const summary = await nthPosted(harness, 1);
    const reasoning = await nthPosted(harness, 2);
    expect(summary.call.params).toMatchObject({ channel: CHANNEL.id, thread_ts: message.ts });
    expect(reasoning.call.params).toMatchObject({ channel: CHANNEL.id, thread_ts: message.ts });
  });

  test('uses the parent thread when the shortcut is used on a reply', async ({ harness }) => {
    const reply = { ...message, ts: '1699999999.000200', thread_ts: message.ts };
    await harness.interact(
      messageShortcut(reply, 'chip_advice_message_shortcut', harness.api.responseUrl()),
    );
    const modal = viewOf((await harness.api.waitFor('views.open'))[0]);
    expect(targetOf(modal).threadTs).toBe(message.ts);
  });
});
