import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HttpHarness, SIGNING_SECRET, startHttpHarness } from '../support/harness.js';
import { commandBody, FORM, slackSignature } from '../support/signed-request.js';
import { slashCommand } from '../support/slack-payloads.js';

let harness: HttpHarness;
beforeEach(async () => {
  harness = await startHttpHarness();
});
afterEach(async () => {
  await harness.close();
});

const body = () => commandBody(slashCommand({ responseUrl: 'http://127.0.0.1:9/unused' }));

describe('the HTTP receiver', () => {
  it('answers GET /healthz with 200 once started', async () => {
    const response = await fetch(`${harness.origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('accepts a request signed with the signing secret', async () => {
    const response = await harness.post(body(), FORM);
    expect(response.status).toBe(200);
    await harness.api.waitFor('views.open');
  });

  it.each([
    ['unsigned', { signature: null }],
    ['signed with another secret', { secret: 'not-the-signing-secret' }],
    ['signed with a tampered signature', { signature: `v0=${'0'.repeat(64)}` }],
    ['older than 5 minutes', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('rejects a request %s with 401 and calls no listener', async (_name, sign) => {
    const response = await harness.post(body(), FORM, sign);
    expect(response.status).toBe(401);
    expect(harness.api.callsTo('views.open')).toHaveLength(0);
  });

  it('rejects a body changed after signing', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = slackSignature(SIGNING_SECRET, timestamp, body());
    const tampered = `${body()}&text=help`;
    const response = await harness.post(tampered, FORM, { timestamp, signature });
    expect(response.status).toBe(401);
  });

  it('answers Slack’s URL verification challenge', async () => {
    const challenge = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 't' });
    const response = await harness.post(challenge, 'application/json');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ challenge: 'abc123' });
  });
});
