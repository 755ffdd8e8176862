import { createHmac } from 'node:crypto';
import { verifySlackRequest } from '@slack/bolt';
import { beforeEach, describe, expect } from 'vitest';
import {
  commandBody,
  FORM,
  postRawHeaders,
  type SignOptions,
  slackSignature,
} from '../../testkit/signed-request.js';
import { slashCommand } from '../../testkit/slack-payloads.js';
import { fileTest, type HttpHarness } from '../support/fixtures.js';
import { SIGNING_SECRET } from '../support/harness.js';

let harness: HttpHarness;
fileTest.beforeAll(({ harness: started }) => {
  harness = started;
});
beforeEach(() => {
  harness.api.reset();
  harness.logs.clear();
});
const test = fileTest;

const now = () => Math.floor(Date.now() / 1000);
const body = () => commandBody(slashCommand({ responseUrl: harness.api.responseUrl() }));
const sign = (text: string, timestamp = now(), secret = SIGNING_SECRET) =>
  slackSignature(secret, timestamp, text);
const hex = (signature: string) => signature.slice(3);
/** A timestamp and the signature for it, the clock read once (a second may tick in between). */
const signedAt = (text: string, timestamp: number) => ({
  timestamp,
  signature: sign(text, timestamp),
});

/** No listener ran: no Web API call, and no request reached Bolt's middleware. */
async function expectNothingHandled() {
  await harness.settle();
  expect(harness.api.calls).toEqual([]);
  expect(harness.logs.entries().map((entry) => entry.msg)).not.toContain('request received');
}

type Forgery = (text: string) => { body: string; sign: Partial<SignOptions> };

const FORGED: [string, Forgery][] = [
  ['without signature headers', (text) => ({ body: text, sign: { signature: null } })],
  [
    'without the signature header',
    (text) => ({
      body: text,
      sign: { signature: null, headers: { 'x-slack-request-timestamp': String(now()) } },
    }),
  ],
  [
    'without the timestamp header',
    (text) => ({
      body: text,
      sign: { signature: null, headers: { 'x-slack-signature': sign(text) } },
    }),
  ],
  ['with an empty signature', (text) => ({ body: text, sign: { signature: '' } })],
  ['with only the v0= prefix', (text) => ({ body: text, sign: { signature: 'v0=' } })],
  ['with a v1= prefix', (text) => ({ body: text, sign: { signature: `v1=${hex(sign(text))}` } })],
  ['with no version prefix', (text) => ({ body: text, sign: { signature: hex(sign(text)) } })],
  [
    'with the prefix in upper case',
    (text) => ({ body: text, sign: { signature: `V0=${hex(sign(text))}` } }),
  ],
  [
    'with the hex in upper case',
    (text) => ({ body: text, sign: { signature: `v0=${hex(sign(text)).toUpperCase()}` } }),
  ],
  [
    'with a truncated signature',
    (text) => ({ body: text, sign: { signature: sign(text).slice(0, -1) } }),
  ],
  ['with a character appended', (text) => ({ body: text, sign: { signature: `${sign(text)}0` } })],
  [
    'with a non-hex signature',
    (text) => ({ body: text, sign: { signature: `v0=${'z'.repeat(64)}` } }),
  ],
  [
    'signed with another secret',
    (text) => ({ body: text, sign: { secret: 'not-the-signing-secret' } }),
  ],
  [
    'signed with the secret as the signature',
    (text) => ({ body: text, sign: { signature: `v0=${SIGNING_SECRET}` } }),
  ],
  [
    'with the body changed after signing',
    (text) => ({ body: `${text}&text=help`, sign: { signature: sign(text) } }),
  ],
  [
    'with the signature of another body',
    (text) => ({ body: text, sign: { signature: sign(body()) } }),
  ],
  [
    'replayed with a new timestamp and the old signature',
    (text) => ({ body: text, sign: { timestamp: now(), signature: sign(text, now() - 600) } }),
  ],
  [
    'with a non-numeric timestamp',
    (text) => ({
      body: text,
      sign: {
        signature: null,
        headers: { 'x-slack-request-timestamp': 'soon', 'x-slack-signature': sign(text) },
      },
    }),
  ],
  [
    'with an empty timestamp',
    (text) => ({
      body: text,
      sign: {
        signature: null,
        headers: { 'x-slack-request-timestamp': '', 'x-slack-signature': sign(text) },
      },
    }),
  ],
  [
    'with a timestamp in milliseconds',
    (text) => ({ body: text, sign: signedAt(text, Date.now()) }),
  ],
  [
    'older than 5 minutes',
    (text) => ({
      body: text,
      sign: signedAt(text, now() - 301),
    }),
  ],
  [
    'a day old',
    (text) => ({
      body: text,
      sign: signedAt(text, now() - 86_400),
    }),
  ],
  [
    'more than 5 minutes in the future',
    (text) => ({
      body: text,
      sign: signedAt(text, now() + 360),
    }),
  ],
  [
    'from the year 3000',
    (text) => ({
      body: text,
      sign: signedAt(text, 32_503_680_000),
    }),
  ],
  [
    'signed without the v0: base string',
    (text) => ({
      body: text,
      sign: {
        signature: `v0=${createHmac('sha256', SIGNING_SECRET).update(`${now()}:${text}`).digest('hex')}`,
      },
    }),
  ],
];

describe('a forged or stale request', () => {
  test.each(FORGED)(
    'is refused with 401 and runs no listener when sent %s',
    async (_name, forge) => {
      const forged = forge(body());
      const response = await harness.post(forged.body, FORM, forged.sign);
      expect(response.status).toBe(401);
      await expectNothingHandled();
    },
  );

  test.each([
    ['two signature headers, one right', (text: string) => [sign(text), `v0=${'0'.repeat(64)}`]],
    ['the right signature twice', (text: string) => [sign(text), sign(text)]],
  ])('is refused with 401 when it has %s', async (_name, signatures) => {
    const text = body();
    const headers: [string, string][] = [
      ['content-type', FORM],
      ['x-slack-request-timestamp', String(now())],
      ...signatures(text).map((value) => ['x-slack-signature', value] as [string, string]),
    ];
    const response = await postRawHeaders(`${harness.origin}/slack/events`, headers, text);
    expect(response.status).toBe(401);
    await expectNothingHandled();
  });

  test('is refused with 401 when it has two timestamp headers', async () => {
    const text = body();
    const timestamp = String(now());
    const response = await postRawHeaders(
      `${harness.origin}/slack/events`,
      [
        ['content-type', FORM],
        ['x-slack-request-timestamp', timestamp],
        ['x-slack-request-timestamp', timestamp],
        ['x-slack-signature', sign(text, Number(timestamp))],
      ],
      text,
    );
    expect(response.status).toBe(401);
    await expectNothingHandled();
  });
});

describe('a genuine request', () => {
  test('is handled, whatever the case of the header names', async () => {
    const text = body();
    const timestamp = now();
    const response = await postRawHeaders(
      `${harness.origin}/slack/events`,
      [
        ['Content-Type', FORM],
        ['X-Slack-Request-Timestamp', String(timestamp)],
        ['X-SLACK-SIGNATURE', sign(text, timestamp)],
      ],
      text,
    );
    expect(response.status).toBe(200);
    await harness.api.waitFor('views.open');
    expect(harness.logs.entries().map((entry) => entry.msg)).toContain('request received');
  });

  test('is handled up to 5 minutes either side of the clock', async () => {
    for (const offset of [-290, 290]) {
      const text = body();
      const response = await harness.post(text, FORM, signedAt(text, now() + offset));
      expect(response.status).toBe(200);
    }
    await harness.api.waitFor('views.open', 2);
  });
});

describe('an oversized body', () => {
  const LIMIT = 1024 * 1024;

  test('is refused with 413 before it is parsed or handled', async () => {
    const huge = commandBody(
      slashCommand({ text: 'x'.repeat(LIMIT), responseUrl: harness.api.responseUrl() }),
    );
    const response = await harness.post(huge, FORM);
    expect(response.status).toBe(413);
    await expectNothingHandled();
    expect(harness.logs.entries().map((entry) => entry.msg)).toContain('request body too large');
  });

  test('is taken just under the limit', async () => {
    const text = 'x'.repeat(LIMIT - 2000);
    const big = commandBody(slashCommand({ text, responseUrl: harness.api.responseUrl() }));
    const response = await harness.post(big, FORM);
    expect(response.status).toBe(200);
  });
});

describe('Bolt’s own verification (why the receiver has a guard in front of it)', () => {
  test('accepts a timestamp from the future, so the guard refuses those', () => {
    const future = now() + 3600;
    const text = 'command=%2Fchip-advice';
    expect(() =>
      verifySlackRequest({
        signingSecret: SIGNING_SECRET,
        body: text,
        headers: { 'x-slack-signature': sign(text, future), 'x-slack-request-timestamp': future },
      }),
    ).not.toThrow();
  });
});
