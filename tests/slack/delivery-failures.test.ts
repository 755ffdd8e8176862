import { describe, expect } from 'vitest';
import type { ApiCall } from '../../testkit/fake-slack-api.js';
import { elementOf } from '../../testkit/fill-form.js';
import {
  appHomeOpened,
  buttonsOf,
  homeButtonClick,
  messageButtonClick,
  USER,
} from '../../testkit/slack-payloads.js';
import { type HttpHarness, test } from '../support/fixtures.js';
import {
  answerQuestionnaire,
  chooseWorkload,
  INFERENCE_ANSWERS,
  openFromCommand,
  submit,
  TRAINING_ANSWERS,
  viewOf,
} from '../support/flows.js';

type Json = Record<string, unknown>;

const posted = (call: ApiCall) => call.response.status === 200 && (call.response.body as Json).ok;
const successfulPosts = (harness: HttpHarness) =>
  harness.api.callsTo('chat.postMessage').filter(posted);

/** Waits until `count` messages were posted successfully. */
async function postsDone(harness: HttpHarness, count: number): Promise<ApiCall[]> {
  while (successfulPosts(harness).length < count) {
    await harness.api.waitFor(
      'chat.postMessage',
      harness.api.callsTo('chat.postMessage').length + 1,
    );
  }
  return successfulPosts(harness);
}

/** The summary and the reasoning in its thread, and nothing else, were posted in `channel`. */
function expectDeliveredOnce(posts: ApiCall[], channel: string) {
  const [summary, reasoning, ...rest] = posts.filter((call) => call.params.channel === channel);
  expect(rest).toEqual([]);
  expect(summary?.params.thread_ts).toBeUndefined();
  expect(String(summary?.params.text)).toContain('is recommended for');
  expect(reasoning?.params.thread_ts).toBe((summary?.response.body as Json | undefined)?.ts);
  expect(String(reasoning?.params.text)).toMatch(/^Why /);
}

describe('a channel the bot cannot post in', () => {
  test.for(['not_in_channel', 'channel_not_found'])(
    'on %s, sends the advice by direct message, after a note on how to invite the bot',
    async (error, { harness }) => {
      harness.api.fail('chat.postMessage', { error, times: 1 });
      await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
      const [note, ...advice] = await postsDone(harness, 3);
      expect(harness.api.callsTo('chat.postMessage')[0]?.params.channel).toBe('C0GENERAL');
      expect(harness.api.callsTo('conversations.open')[0]?.params.users).toBe(USER.id);
      expect(note?.params.channel).toBe('D0ASKER');
      expect(String(note?.params.text)).toContain(
        'could not post your chip advice in <#C0GENERAL>',
      );
      expect(String(note?.params.text)).toContain('`/invite @chip-advice`');
      expectDeliveredOnce(advice, 'D0ASKER');
      const delivered = await harness.logs.waitFor('advice delivered');
      expect(delivered).toMatchObject({ channel: 'D0ASKER', fallback: error });
      expect(harness.logs.errors()).toEqual([]);
    },
  );
});

describe('a Web API that fails for a while', () => {
  test('does not resend a post answered with a 503 (it may have been done): tells the person to look first', async ({
    harness,
  }) => {
    harness.api.fail('chat.postMessage', { status: 503, times: 1 });
    await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
    const [notice] = await harness.api.waitFor('response_url');
    expect(String(notice?.params.text)).toContain('Slack did not confirm that it posted');
    const statuses = harness.api.callsTo('chat.postMessage').map((call) => call.response.status);
    expect(statuses).toEqual([503]);
    const failed = await harness.logs.waitFor(/^request failed/);
    expect(failed).toMatchObject({ code: 'chip_advice_delivery_failed' });
  });

  test('resends a post whose connection was refused (it surely never left), and posts once', async ({
    startHarness,
  }) => {
    const retryConfig = { retries: 4, factor: 1, minTimeout: 300, maxTimeout: 300 };
    const harness = await startHarness({ deps: { retryConfig } });
    const view = await openFromCommand(harness);
    const updated = await chooseWorkload(harness, view, { workload: 'inference' });
    await harness.api.down();
    const submitted = submit(harness, updated, INFERENCE_ANSWERS);
    await harness.logs.waitFor(/http request failed/);
    await harness.api.up();
    await submitted;
    expectDeliveredOnce(await postsDone(harness, 2), 'C0GENERAL');
    expect(harness.api.callsTo('chat.postMessage')).toHaveLength(2);
  });

  test('waits for the Retry-After of a 429, then posts exactly once', async ({ harness }) => {
    harness.api.fail('chat.postMessage', { retryAfter: 1, times: 1 });
    await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
    expectDeliveredOnce(await postsDone(harness, 2), 'C0GENERAL');
    const [limited, retried] = harness.api.callsTo('chat.postMessage');
    expect(limited?.response.status).toBe(429);
    // Honouring Retry-After means not asking again for a second; a lower bound, never flaky.
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
    await harness.logs.waitFor(/^rate limited by Slack: holding chat\.postMessage only, for 1 s/);
  });
});

/**
 * The held chat.postMessage runs out of its 150 ms; every other call (views.open, views.update)
 * keeps 5 s, so a busy machine does not turn them into retries the test is not about.
 */
const ONLY_THE_POST_TIMES_OUT = { webApiTimeoutMs: 5_000, postTimeoutMs: 150 };

describe('a Web API that does not answer in time', () => {
  test('tells the person, keeps their answers on "Post again", which then posts once', async ({
    startHarness,
  }) => {
    const harness = await startHarness({ deps: ONLY_THE_POST_TIMES_OUT });
    const hold = harness.api.hold('chat.postMessage', { times: 1 });
    await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
    const [notice] = await harness.api.waitFor('response_url');
    // Sent once and not again: Slack may have posted it.
    expect(hold.arrivals).toBe(1);
    expect(notice?.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(notice?.params.text)).toContain('Your answers are kept');
    const failed = await harness.logs.waitFor(/^request failed/);
    expect(failed).toMatchObject({ code: 'chip_advice_delivery_failed' });
    expect(harness.logs.errors()).toHaveLength(1);

    const message = { ts: '1700000099.000001', blocks: notice?.params.blocks };
    const shown = { channel: 'C0GENERAL', message };
    await harness.interact(
      messageButtonClick(shown, 'chip_advice_retry_post', {
        responseUrl: harness.api.responseUrl(),
      }),
    );
    expectDeliveredOnce(await postsDone(harness, 2), 'C0GENERAL');
    const removed = await harness.api.waitFor('response_url', 2);
    expect(removed[1]?.params).toEqual({ delete_original: true });

    await harness.interact(
      messageButtonClick(shown, 'chip_advice_change_answers', {
        responseUrl: harness.api.responseUrl(),
      }),
    );
    const reopened = viewOf((await harness.api.waitFor('views.open', 2))[1]);
    expect(elementOf(reopened, 'monthlySpendUsd').initial_value).toBe('50000');
  });

  test('when only the summary went out, "Post again" adds just the reasoning to its thread', async ({
    harness,
  }) => {
    harness.api.fail('chat.postMessage', { error: 'fatal_error', after: 1, times: 1 });
    await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
    const [notice] = await harness.api.waitFor('response_url');
    expect(String(notice?.params.text)).toContain('summary is posted, but');
    const [summary, failed] = harness.api.callsTo('chat.postMessage');
    const summaryTs = (summary?.response.body as Json | undefined)?.ts;
    expect(failed?.params.thread_ts).toBe(summaryTs);
    expect(failed?.response.body).toMatchObject({ ok: false, error: 'fatal_error' });

    const shown = {
      channel: 'C0GENERAL',
      message: { ts: '1700000099.000001', blocks: notice?.params.blocks },
    };
    await harness.interact(
      messageButtonClick(shown, 'chip_advice_retry_post', {
        responseUrl: harness.api.responseUrl(),
      }),
    );
    const posts = await postsDone(harness, 2);
    expect(posts).toHaveLength(2);
    const [, reasoning] = posts;
    expect(reasoning?.params).toMatchObject({ channel: 'C0GENERAL', thread_ts: summaryTs });
    expect(String(reasoning?.params.text)).toMatch(/^Why /);
    const removed = await harness.api.waitFor('response_url', 2);
    expect(removed[1]?.params).toEqual({ delete_original: true });
    expect(successfulPosts(harness)).toHaveLength(2);
  });

  test('when the channel refuses the bot by the time "Post again" adds the reasoning, sends the whole advice by direct message', async ({
    harness,
  }) => {
    harness.api.fail('chat.postMessage', { error: 'fatal_error', after: 1, times: 1 });
    await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
    const [notice] = await harness.api.waitFor('response_url');
    expect(String(notice?.params.text)).toContain('summary is posted, but');

    harness.api.fail('chat.postMessage', { error: 'not_in_channel', times: 1 });
    const shown = {
      channel: 'C0GENERAL',
      message: { ts: '1700000099.000001', blocks: notice?.params.blocks },
    };
    await harness.interact(
      messageButtonClick(shown, 'chip_advice_retry_post', {
        responseUrl: harness.api.responseUrl(),
      }),
    );
    const [, note, ...advice] = await postsDone(harness, 4);
    expect(note?.params.channel).toBe('D0ASKER');
    expect(String(note?.params.text)).toContain('could not post your chip advice in <#C0GENERAL>');
    expectDeliveredOnce(advice, 'D0ASKER');
    const delivered = await harness.logs.waitFor('advice delivered');
    expect(delivered).toMatchObject({ channel: 'D0ASKER', fallback: 'not_in_channel' });
  });

  test('without a response_url (App Home), tells the person by direct message', async ({
    startHarness,
  }) => {
    const harness = await startHarness({ deps: ONLY_THE_POST_TIMES_OUT });
    await harness.event(appHomeOpened('home'));
    const home = viewOf((await harness.api.waitFor('views.publish'))[0]);
    await harness.interact(homeButtonClick(home, 'chip_advice_start_questionnaire'));
    const modal = viewOf((await harness.api.waitFor('views.open'))[0]);
    harness.api.hold('chat.postMessage', { times: 1 });
    await answerQuestionnaire(harness, modal, TRAINING_ANSWERS);
    const [notice] = await postsDone(harness, 1);
    expect(notice?.params.channel).toBe('D0ASKER');
    expect(String(notice?.params.text)).toContain('Your answers are kept');
    const actions = buttonsOf(notice?.params.blocks as Json[], 'chip_advice_retry_post');
    expect(actions).toHaveLength(1);
  });
});

describe('a questionnaire that cannot be opened', () => {
  test('on expired_trigger_id, tells the person to run the command again', async ({ harness }) => {
    harness.api.fail('views.open', { error: 'expired_trigger_id' });
    await harness.command();
    const [reply] = await harness.api.waitFor('response_url');
    expect(reply?.params).toMatchObject({ response_type: 'ephemeral' });
    expect(String(reply?.params.text)).toContain('run /chip-advice again');
    await harness.logs.waitFor(/^request failed/);
    expect(harness.logs.errors()).toHaveLength(1);
  });
});
