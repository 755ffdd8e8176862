import fc from 'fast-check';
import { afterAll, describe, expect } from 'vitest';
import { fillForm } from '../../testkit/fill-form.js';
import {
  commandBody,
  FORM,
  JSON_TYPE,
  postSigned,
  type SlackResponse,
} from '../../testkit/signed-request.js';
import {
  appHomeOpened,
  eventCallback,
  messageButtonClick,
  messageShortcut,
  slashCommand,
  viewAction,
  viewSubmission,
} from '../../testkit/slack-payloads.js';
import { fileTest, type HttpHarness } from '../support/fixtures.js';
import {
  chooseWorkload,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
  type Posted,
  submit,
} from '../support/flows.js';
import { SIGNING_SECRET } from '../support/harness.js';
import { mutated, oddText, oddValue, truncatedJson } from '../support/malformed.js';

type Json = Record<string, unknown>;

const test = fileTest.override('harnessOptions', { env: { LOG_LEVEL: 'error' } });
let harness: HttpHarness;
let view: Json;
let summary: Posted;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

test.beforeAll(async ({ harness: started }) => {
  process.on('unhandledRejection', onRejection);
  harness = started;
  view = await chooseWorkload(harness, await openFromCommand(harness), { workload: 'inference' });
  await submit(harness, view, INFERENCE_ANSWERS);
  summary = await nthPosted(harness, 1);
});
afterAll(() => {
  process.off('unhandledRejection', onRejection);
});

/** Signed as Slack signs, so every body gets past the signature check to the app. */
const sendPayload = (payload: string) =>
  harness.post(new URLSearchParams({ payload }).toString(), FORM);

/** Statuses an app may answer Slack with for a malformed body: never a 5xx, never silence. */
function expectHandled(response: SlackResponse, sent?: string) {
  // The body in the message makes a failure reproducible from the CI log alone.
  expect([200, 400, 413], `status ${response.status} for ${JSON.stringify(sent)}`).toContain(
    response.status,
  );
}

/** A payload value: the mutated object as JSON, JSON that is not an object, or broken JSON. */
const payloadText = (base: Json) =>
  fc.oneof(
    { weight: 6, arbitrary: mutated(base).map((value) => JSON.stringify(value) ?? 'undefined') },
    { weight: 2, arbitrary: oddValue.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: truncatedJson(base) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );

describe('malformed requests that are correctly signed', () => {
  test('view_submission payloads: never a 5xx', async () => {
    const base = viewSubmission(view, fillForm(view, INFERENCE_ANSWERS));
    const tampered = fc.oneof(
      payloadText(base),
      fc
        .record({ callback_id: fc.string(), private_metadata: oddText })
        .map((changes) =>
          JSON.stringify({ ...base, view: { ...(base.view as Json), ...changes } }),
        ),
    );
    await fc.assert(
      fc.asyncProperty(tampered, async (payload) =>
        expectHandled(await sendPayload(payload), payload),
      ),
      { numRuns: 350 },
    );
  });

  test('block_actions payloads (a workload choice, message buttons): never a 5xx', async () => {
    const click = messageButtonClick(summary, 'chip_advice_change_answers', {
      responseUrl: harness.api.responseUrl(),
    });
    const bases = [
      viewAction(view, fillForm(view, { workload: 'training' }), 'workload'),
      click,
      { ...click, actions: [{ type: 'button', action_id: 'unknown_action', block_id: 'b' }] },
    ];
    const payloads = fc.oneof(...bases.map(payloadText));
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) =>
        expectHandled(await sendPayload(payload), payload),
      ),
      { numRuns: 250 },
    );
  });

  test('slash command forms: missing, repeated and odd fields, never a 5xx', async () => {
    const fields = slashCommand({ responseUrl: harness.api.responseUrl() });
    const form = fc
      .tuple(
        fc.subarray(Object.keys(fields)),
        fc.dictionary(fc.constantFrom(...Object.keys(fields)), oddText, {
          maxKeys: 3,
        }),
        fc.array(fc.constantFrom(...Object.keys(fields)), { maxLength: 2 }),
      )
      .map(([kept, odd, repeated]) => {
        const params = new URLSearchParams();
        for (const key of kept) params.append(key, odd[key] ?? fields[key] ?? '');
        for (const key of repeated) params.append(key, fields[key] ?? '');
        return params.toString();
      });
    const body = fc.oneof(
      { weight: 5, arbitrary: form },
      { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => expectHandled(await harness.post(text, FORM), text)),
      { numRuns: 300 },
    );
  });

  test('shortcuts and Events API bodies: never a 5xx', async () => {
    const shortcut = messageShortcut(
      { ts: '1699999999.000100', text: 'hi' },
      'chip_advice_message_shortcut',
      harness.api.responseUrl(),
    );
    const event = eventCallback(appHomeOpened('home'));
    const bodies = fc.oneof(
      payloadText(shortcut).map((payload) => ({
        text: new URLSearchParams({ payload }).toString(),
        type: FORM,
      })),
      mutated(event).map((value) => ({ text: JSON.stringify(value) ?? 'null', type: JSON_TYPE })),
      oddValue.map((value) => ({ text: JSON.stringify(value) ?? 'null', type: JSON_TYPE })),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async ({ text, type }) =>
        expectHandled(await harness.post(text, type), text),
      ),
      { numRuns: 200 },
    );
  });

  test('left the app up: no unhandled rejection, /healthz 200, and a valid command still works', async () => {
    await harness.settle();
    expect(rejections).toEqual([]);
    expect((await fetch(`${harness.origin}/healthz`)).status).toBe(200);
    harness.api.reset();
    const response = await harness.post(
      commandBody(slashCommand({ responseUrl: harness.api.responseUrl() })),
      FORM,
    );
    expect(response.status).toBe(200);
    await harness.api.waitFor('views.open');
  });
});

describe('bodies Bolt cannot take on its own', () => {
  // Bolt keeps its clients in an object keyed by team or enterprise id; found by the property
  // test above (a team id of "valueOf" got a 500). Each is now an ordinary workspace id.
  test.each(['valueOf', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'answers a click from a workspace whose id is %s, as from any other',
    async (id) => {
      harness.api.reset();
      await harness.settle();
      harness.logs.clear();
      const click = {
        ...messageButtonClick(summary, 'chip_advice_change_answers', {
          responseUrl: harness.api.responseUrl(),
        }),
        actions: [{ type: 'button', action_id: 'unknown_action', block_id: 'b' }],
      };
      for (const from of [{ team: { id, domain: 'x' } }, { enterprise: { id, name: 'x' } }]) {
        const response = await sendPayload(JSON.stringify({ ...click, ...from }));
        expect(response.status).toBe(200);
      }
      const unhandled = harness.logs.errors().filter((e) => /unhandled error/.test(String(e.msg)));
      expect(unhandled).toEqual([]);
    },
  );

  test.each([
    ['payload=null', 'null'],
    ['a list', '[1,2]'],
    ['a number', '42'],
    ['a string', '"hello"'],
    ['truncated JSON', '{"type":"view_submission","view":{'],
    ['not JSON', 'not json'],
  ])('answers 400 for %s, without running a listener', async (_name, payload) => {
    harness.api.reset();
    const response = await sendPayload(payload);
    expect(response.status).toBe(400);
    await harness.settle();
    expect(harness.api.calls).toEqual([]);
  });

  test('answers 400 for payload=null sent to a target Bolt also reads as its endpoint', async () => {
    harness.api.reset();
    const target = `${harness.origin}//elsewhere/slack/events`;
    const response = await postSigned(target, 'payload=null', FORM, { secret: SIGNING_SECRET });
    expect(response.status).toBe(400);
    await harness.settle();
    expect(harness.api.calls).toEqual([]);
  });

  test.each([
    ['a payload field after another field', 'token=x&payload=null'],
    ['a payload field spelled with percent escapes', 'p%61yload=null'],
    ['a payload field spelled with escapes only', '%70%61%79%6c%6f%61%64=42'],
  ])('answers 400 for %s whose value is not an object', async (_name, form) => {
    harness.api.reset();
    expect((await harness.post(form, FORM)).status).toBe(400);
    await harness.settle();
    expect(harness.api.calls).toEqual([]);
  });

  test.each([
    ['an event that is null', { ...eventCallback(appHomeOpened('home')), event: null }],
    ['an event whose user is null', eventCallback({ ...appHomeOpened('home'), user: null })],
    ['actions that are not a list', { type: 'block_actions', user: { id: 'U1' }, actions: 5 }],
    ['a view_submission without a user', { type: 'view_submission', view: { id: 'V1' } }],
    ['a shortcut whose channel is null', { type: 'message_action', channel: null }],
  ])('answers 400 for %s (Bolt would throw: a 500)', async (_name, body) => {
    harness.api.reset();
    const json = body.type === 'event_callback';
    const response = json
      ? await harness.post(JSON.stringify(body), JSON_TYPE)
      : await sendPayload(JSON.stringify(body));
    expect(response.status).toBe(400);
    await harness.settle();
    expect(harness.api.calls).toEqual([]);
  });

  test('answers an unknown view callback_id at once, replacing the form with a notice', async () => {
    const base = viewSubmission(view, fillForm(view, INFERENCE_ANSWERS));
    const response = await sendPayload(
      JSON.stringify({
        ...base,
        view: { ...(base.view as Json), callback_id: 'someone_elses_form' },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      response_action: 'update',
      view: { type: 'modal', callback_id: 'chip_advice_notice' },
    });
    expect(JSON.stringify(response.json)).toContain('out of date');
  });
});
