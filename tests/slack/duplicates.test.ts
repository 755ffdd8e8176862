import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { MemoryDuplicates } from '../../src/slack/duplicates/index.js';
import { fillForm } from '../../testkit/fill-form.js';
import { commandBody, FORM, interactionBody, JSON_TYPE } from '../../testkit/signed-request.js';
import {
  appHomeOpened,
  eventCallback,
  slashCommand,
  viewSubmission,
} from '../../testkit/slack-payloads.js';
import { type HttpHarness, test } from '../support/fixtures.js';
import {
  chooseWorkload,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
  submit,
} from '../support/flows.js';

describe('the memory duplicate store', () => {
  test('claims a key once within its window, and again after it', async () => {
    let now = 0;
    const keys = new MemoryDuplicates({ max: 10, ttlMs: 1000, now: () => now });
    expect(await keys.claim('a')).toBe(true);
    expect(await keys.claim('a')).toBe(false);
    now = 999;
    expect(await keys.claim('a')).toBe(false);
    now = 1000;
    expect(keys.has('a')).toBe(false);
    expect(await keys.claim('a')).toBe(true);
  });

  test('forgets the oldest key when full', async () => {
    const keys = new MemoryDuplicates({ max: 2, ttlMs: 1000, now: () => 0 });
    await keys.claim('a');
    await keys.claim('b');
    await keys.claim('c');
    expect([keys.has('a'), keys.has('b'), keys.has('c')]).toEqual([false, true, true]);
  });

  test('lets exactly one of concurrent claims of a key win', async () => {
    const keys = new MemoryDuplicates({ max: 10, ttlMs: 1000 });
    const claims = await Promise.all(Array.from({ length: 5 }, () => keys.claim('same')));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  test('never holds more than its maximum, and refuses every key it still holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.nat({ max: 300 })), {
          maxLength: 300,
        }),
        async (max, steps) => {
          let now = 0;
          const keys = new MemoryDuplicates({ max, ttlMs: 1000, now: () => now });
          for (const [key, elapsed] of steps) {
            now += elapsed;
            const held = keys.has(String(key));
            expect(await keys.claim(String(key))).toBe(!held);
            expect(keys.size).toBeLessThanOrEqual(max);
          }
        },
      ),
    );
  });

  test('answers like a plain list of (key, expiry) that drops the expired and then the oldest', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.array(
          fc.tuple(fc.constantFrom('claim', 'has'), fc.integer({ min: 0, max: 12 }), fc.nat(400)),
          { maxLength: 400 },
        ),
        async (max, steps) => {
          let now = 0;
          const keys = new MemoryDuplicates({ max, ttlMs: 1000, now: () => now });
          let model: { key: string; expires: number }[] = [];
          for (const [op, id, elapsed] of steps) {
            now += elapsed;
            const key = String(id);
            model = model.filter((entry) => entry.expires > now);
            const held = model.some((entry) => entry.key === key);
            if (op === 'has') {
              expect(keys.has(key)).toBe(held);
              continue;
            }
            expect(await keys.claim(key)).toBe(!held);
            if (!held) model = [...model, { key, expires: now + 1000 }].slice(-max);
            expect(keys.size).toBe(model.length);
          }
        },
      ),
    );
  });

  test('refuses a maximum below 1 and a window of 0', () => {
    expect(() => new MemoryDuplicates({ max: 0, ttlMs: 1 })).toThrow(RangeError);
    expect(() => new MemoryDuplicates({ max: 1, ttlMs: 0 })).toThrow(RangeError);
  });
});

describe('duplicate deliveries', () => {
  async function submissionPayload(harness: HttpHarness) {
    const view = await chooseWorkload(harness, await openFromCommand(harness), {
      workload: 'inference',
    });
    return { view, body: interactionBody(viewSubmission(view, fillForm(view, INFERENCE_ANSWERS))) };
  }

  test('post the advice once for a submission sent twice', async ({ harness }) => {
    const { body } = await submissionPayload(harness);
    expect((await harness.post(body, FORM)).status).toBe(200);
    expect((await harness.post(body, FORM)).status).toBe(200);
    await nthPosted(harness, 2);
    await harness.logs.waitFor('duplicate submission ignored');
    expect(harness.api.callsTo('chat.postMessage')).toHaveLength(2);
  });

  test('post the advice once for a submission sent five times at once', async ({ harness }) => {
    const { body } = await submissionPayload(harness);
    const responses = await Promise.all(Array.from({ length: 5 }, () => harness.post(body, FORM)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    await harness.logs.waitForCount('duplicate submission ignored', 4);
    await harness.logs.waitFor('advice delivered');
    expect(harness.api.callsTo('chat.postMessage')).toHaveLength(2);
  });

  test('still take a corrected submission of the same view', async ({ harness }) => {
    const { view } = await submissionPayload(harness);
    const invalid = await submit(harness, view, { ...INFERENCE_ANSWERS, monthlySpendUsd: '-1' });
    expect((invalid.json as { response_action: string }).response_action).toBe('errors');
    await submit(harness, view, INFERENCE_ANSWERS);
    await nthPosted(harness, 2);
  });

  test('open one modal for a slash command Slack retried', async ({ harness }) => {
    const body = commandBody(
      slashCommand({ responseUrl: harness.api.responseUrl(), triggerId: '11.22.retried' }),
    );
    expect((await harness.post(body, FORM)).status).toBe(200);
    await harness.api.waitFor('views.open');
    const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
    expect((await harness.post(body, FORM, { headers: retry })).status).toBe(200);
    const ignored = await harness.logs.waitFor('duplicate delivery ignored');
    expect(ignored).toMatchObject({ retryNum: 1, retryReason: 'http_timeout' });
    expect(harness.api.callsTo('views.open')).toHaveLength(1);
  });

  test('handle an event Slack retried once', async ({ harness }) => {
    const body = JSON.stringify(eventCallback(appHomeOpened('home')));
    await harness.post(body, JSON_TYPE);
    await harness.api.waitFor('views.publish');
    await harness.post(body, JSON_TYPE, { headers: { 'x-slack-retry-num': '2' } });
    await harness.logs.waitFor('duplicate delivery ignored');
    await harness.settle();
    expect(harness.api.callsTo('views.publish')).toHaveLength(1);
  });

  test('are remembered in bounded memory: past the maximum, the oldest is forgotten', async ({
    startHarness,
  }) => {
    const harness = await startHarness({
      deps: { duplicates: new MemoryDuplicates({ max: 3, ttlMs: 60_000 }) },
    });
    const body = (n: number) =>
      commandBody(slashCommand({ responseUrl: harness.api.responseUrl(), triggerId: `t${n}` }));
    for (const n of [1, 2, 3, 4]) await harness.post(body(n), FORM);
    await harness.api.waitFor('views.open', 4);
    await harness.post(body(4), FORM);
    await harness.logs.waitFor('duplicate delivery ignored');
    await harness.post(body(1), FORM);
    await harness.api.waitFor('views.open', 5);
    expect(harness.api.callsTo('views.open').map((call) => call.params.trigger_id)).toEqual([
      't1',
      't2',
      't3',
      't4',
      't1',
    ]);
  });
});
