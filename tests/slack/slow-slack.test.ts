import { describe, expect } from 'vitest';
import type { ApiCall } from '../../testkit/fake-slack-api.js';
import { test } from '../support/fixtures.js';
import { answerQuestionnaire, INFERENCE_ANSWERS, openFromCommand } from '../support/flows.js';

type Json = Record<string, unknown>;

/**
 * A slow or rate-limited Slack (issue 12, items 2 and 3): a post that Slack does but answers
 * late is not sent again, and a rate limit on posting holds back nothing else.
 */

const done = (call: ApiCall) => call.response.status === 200 && (call.response.body as Json).ok;
const summaries = (calls: ApiCall[]) =>
  calls.filter((call) => done(call) && call.params.thread_ts === undefined);

describe('a Slack that posts the summary but answers after the usual timeout', () => {
  test('posts the summary once: the post is waited for, not sent again', async ({
    startHarness,
  }) => {
    // Every other call is out of time after 1 s; the post answers after 2.5 s.
    const harness = await startHarness({ deps: { webApiTimeoutMs: 1_000 } });
    harness.api.delay('chat.postMessage', 2500, { times: 1 });
    await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
    await harness.logs.waitFor('advice delivered', () => true, 10_000);
    const posts = harness.api.callsTo('chat.postMessage');
    expect(summaries(posts)).toHaveLength(1);
    expect(posts).toHaveLength(2);
    expect(harness.api.callsTo('response_url')).toEqual([]);
  });
});

describe('a rate limit on chat.postMessage', () => {
  test('does not hold back views.open: a modal opens within its trigger’s 3 seconds', async ({
    harness,
  }) => {
    harness.api.fail('chat.postMessage', { retryAfter: 4, times: 1 });
    await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
    const [limited] = await harness.api.waitFor('chat.postMessage');
    expect(limited?.response.status).toBe(429);

    // Another person runs the command while the post waits out its Retry-After.
    const opened = await harness.api.waitFor('views.open', 1);
    await harness.command();
    const [, second] = await harness.api.waitFor('views.open', opened.length + 1);
    expect(second?.response.body).toMatchObject({ ok: true });
    expect(harness.api.callsTo('response_url')).toEqual([]);

    // The post itself goes out once, after its wait.
    await harness.logs.waitFor('advice delivered', () => true, 10_000);
    expect(summaries(harness.api.callsTo('chat.postMessage'))).toHaveLength(1);
  });
});
