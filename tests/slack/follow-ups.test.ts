import { describe, expect } from 'vitest';
import { elementOf } from '../../testkit/fill-form.js';
import {
  buttonsOf,
  ephemeralButtonClick,
  messageButtonClick,
} from '../../testkit/slack-payloads.js';

type Json = Record<string, unknown>;

import { test } from '../support/fixtures.js';
import {
  answerQuestionnaire,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
  type Posted,
  submit,
  targetOf,
  viewOf,
} from '../support/flows.js';

/** Each test starts from the advice posted for INFERENCE_ANSWERS: its summary and reasoning. */
const it = test.extend('posted', async ({ harness }) => {
  await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
  const summary = await nthPosted(harness, 1);
  const reasoning = await nthPosted(harness, 2);
  /** Clicks a button on a posted message, with a response_url the fake serves. */
  const click = (
    posted: Posted,
    actionId: string,
    options: { index?: number; value?: string } = {},
  ) =>
    harness.interact(
      messageButtonClick(posted, actionId, { responseUrl: harness.api.responseUrl(), ...options }),
    );
  return { summary, reasoning, click };
});

describe('Change answers', () => {
  it('reopens the questionnaire pre-filled with the answers of the summary', async ({
    harness,
    posted: { summary, click },
  }) => {
    const response = await click(summary, 'chip_advice_change_answers');
    expect(response.status).toBe(200);
    const view = viewOf((await harness.api.waitFor('views.open', 2))[1]);
    expect(elementOf(view, 'workload').initial_option).toMatchObject({ value: 'inference' });
    expect(elementOf(view, 'inferenceProfile').initial_option).toMatchObject({
      value: 'commodity',
    });
    expect(elementOf(view, 'monthlySpendUsd').initial_value).toBe('50000');
    expect(elementOf(view, 'frameworks').initial_options).toMatchObject([{ value: 'pytorch' }]);
    expect(elementOf(view, 'acceptsAwsLockIn').initial_option).toMatchObject({ value: 'true' });
    expect(targetOf(view)).toEqual({
      kind: 'channel',
      channel: summary.channel,
      threadTs: summary.message.ts,
    });
  });

  it('posts the new result in the same thread', async ({ harness, posted: { summary, click } }) => {
    await click(summary, 'chip_advice_change_answers');
    const view = viewOf((await harness.api.waitFor('views.open', 2))[1]);
    await submit(harness, view, { ...INFERENCE_ANSWERS, monthlySpendUsd: 5000 });
    const newSummary = await nthPosted(harness, 3);
    const newReasoning = await nthPosted(harness, 4);
    expect(newSummary.call.params.thread_ts).toBe(summary.message.ts);
    expect(newSummary.call.params.text).toContain('$5,000/month');
    expect(newReasoning.call.params.thread_ts).toBe(summary.message.ts);
  });

  it('tells only the clicker when the button’s answers cannot be read', async ({
    harness,
    posted: { summary, click },
  }) => {
    await click(summary, 'chip_advice_change_answers', { value: '{"v":1,"a":[null,"cloud"]}' });
    const [reply] = await harness.api.waitFor('response_url');
    expect(reply?.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply?.params.text)).toContain('could not read the answers');
    expect(harness.api.callsTo('views.open')).toHaveLength(1);
  });
});

describe('What if…', () => {
  it('offers one button per counterfactual in the reasoning', async ({ posted: { reasoning } }) => {
    const blocks = reasoning.message.blocks as Record<string, unknown>[];
    expect(buttonsOf(blocks, 'chip_advice_what_if').length).toBeGreaterThanOrEqual(2);
  });

  it('re-evaluates with the change and replies in the thread with how it differs', async ({
    harness,
    posted: { summary, reasoning, click },
  }) => {
    const response = await click(reasoning, 'chip_advice_what_if', { index: 0 });
    expect(response.status).toBe(200);
    const reply = await nthPosted(harness, 3);
    expect(reply.call.params.channel).toBe(summary.channel);
    expect(reply.call.params.thread_ts).toBe(summary.message.ts);
    expect(reply.call.params.text).toBe(
      'What if monthly spend were at most $10,000? NVIDIA Blackwell/Rubin would be recommended instead of AWS Inferentia.',
    );
    const blocks = JSON.stringify(reply.call.params.blocks);
    expect(blocks).toContain('How the scores move');
    expect(blocks).toMatch(/\(was 0\.97\) {2}AWS Inferentia/);
    expect(blocks).toContain('No longer applies');
  });

  it('lets the what-if answers be taken into the questionnaire', async ({
    harness,
    posted: { summary, reasoning, click },
  }) => {
    await click(reasoning, 'chip_advice_what_if', { index: 0 });
    const reply = await nthPosted(harness, 3);
    await click(reply, 'chip_advice_change_answers');
    const view = viewOf((await harness.api.waitFor('views.open', 2))[1]);
    expect(elementOf(view, 'monthlySpendUsd').initial_value).toBe('10000');
    expect(targetOf(view).threadTs).toBe(summary.message.ts);
  });

  it('still answers the clicker, only to them, when the thread cannot be posted to', async ({
    harness,
    posted: { reasoning, click },
  }) => {
    harness.api.fail('chat.postMessage', { error: 'not_in_channel' });
    await click(reasoning, 'chip_advice_what_if', { index: 0 });
    const [reply] = await harness.api.waitFor('response_url');
    expect(reply?.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply?.params.text).toBe(
      'What if monthly spend were at most $10,000? NVIDIA Blackwell/Rubin would be recommended instead of AWS Inferentia.',
    );
    expect(JSON.stringify(reply?.params.blocks)).toContain('How the scores move');
  });

  it('takes the answers of an ephemeral what-if reply into the questionnaire for the same thread', async ({
    harness,
    posted: { summary, reasoning, click },
  }) => {
    harness.api.fail('chat.postMessage', { error: 'not_in_channel', times: 1 });
    await click(reasoning, 'chip_advice_what_if', { index: 0 });
    const [reply] = await harness.api.waitFor('response_url');
    // Slack sends a click on an ephemeral message without the message (issue 12, item 8).
    const shown = { channel: 'C0GENERAL', blocks: (reply?.params.blocks ?? []) as Json[] };
    await harness.interact(
      ephemeralButtonClick(shown, 'chip_advice_change_answers', {
        responseUrl: harness.api.responseUrl(),
      }),
    );
    const view = viewOf((await harness.api.waitFor('views.open', 2))[1]);
    expect(elementOf(view, 'monthlySpendUsd').initial_value).toBe('10000');
    expect(targetOf(view)).toMatchObject({ kind: 'channel', threadTs: summary.message.ts });
  });

  it('tells only the clicker when a what-if change is not a valid answer', async ({
    harness,
    posted: { reasoning, click },
  }) => {
    const value = JSON.stringify({
      v: 1,
      a: [null, 'inference', 50000, ['pytorch'], false, 'aws-only', true, 'cost', 'commodity'],
      w: [['monthlySpendUsd', -1]],
    });
    await click(reasoning, 'chip_advice_what_if', { value });
    const [reply] = await harness.api.waitFor('response_url');
    expect(String(reply?.params.text)).toContain('could not read the answers');
    expect(harness.api.callsTo('chat.postMessage')).toHaveLength(2);
  });
});
