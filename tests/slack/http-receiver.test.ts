import { describe, expect } from 'vitest';
import {
  commandBody,
  FORM,
  type SignOptions,
  slackSignature,
} from '../../testkit/signed-request.js';
import { slashCommand } from '../../testkit/slack-payloads.js';
import { test } from '../support/fixtures.js';
import { SIGNING_SECRET } from '../support/harness.js';

const body = () => commandBody(slashCommand({ responseUrl: 'http://127.0.0.1:9/unused' }));

describe('the HTTP receiver', () => {
  test('answers GET /healthz with 200 once started', async ({ harness }) => {
    const response = await fetch(`${harness.origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('accepts a request signed with the signing secret', async ({ harness }) => {
    const response = await harness.post(body(), FORM);
    expect(response.status).toBe(200);
    await harness.api.waitFor('views.open');
  });

  test.for<[string, Partial<SignOptions>]>([
    ['unsigned', { signature: null }],
    ['signed with another secret', { secret: 'not-the-signing-secret' }],
    ['signed with a tampered signature', { signature: `v0=${'0'.repeat(64)}` }],
    ['older than 5 minutes', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('rejects a request %s with 401 and calls no listener', async ([, sign], { harness }) => {
    const response = await harness.post(body(), FORM, sign);
    expect(response.status).toBe(401);
    expect(harness.api.callsTo('views.open')).toHaveLength(0);
  });

  test('rejects a body changed after signing', async ({ harness }) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = slackSignature(SIGNING_SECRET, timestamp, body());
    const tampered = `${body()}&text=help`;
    const response = await harness.post(tampered, FORM, { timestamp, signature });
    expect(response.status).toBe(401);
  });

  test('answers Slack’s URL verification challenge', async ({ harness }) => {
    const challenge = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 't' });
    const response = await harness.post(challenge, 'application/json');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ challenge: 'abc123' });
  });
});
