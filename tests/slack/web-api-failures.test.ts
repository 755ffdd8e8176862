import { createServer } from 'node:net';
import { describe, expect } from 'vitest';
import { test } from '../support/fixtures.js';

const requestFailed = /^request failed/;

/** A port on 127.0.0.1 that nothing listens on (taken from the system, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('when the Web API fails', () => {
  test('retries views.open after an HTTP 503 and opens the modal', async ({ harness }) => {
    harness.api.fail('views.open', { status: 503, times: 1 });
    await harness.command();
    const calls = await harness.api.waitFor('views.open', 2);
    expect(calls.map((call) => call.response.status)).toEqual([503, 200]);
    expect(calls[1]?.params.trigger_id).toBe(calls[0]?.params.trigger_id);
  });

  test('waits for the Retry-After of a rate limit, then retries', async ({ harness }) => {
    harness.api.fail('views.open', { retryAfter: 0, times: 1 });
    await harness.command();
    const calls = await harness.api.waitFor('views.open', 2);
    expect(calls.map((call) => call.response.status)).toEqual([429, 200]);
  });

  test('gives up after the configured retries and logs the failure once', async ({ harness }) => {
    harness.api.fail('views.open', { status: 500 });
    await harness.command();
    await harness.logs.waitFor(requestFailed);
    await harness.settle();
    expect(harness.api.callsTo('views.open')).toHaveLength(3);
    expect(harness.logs.errors()).toHaveLength(1);
  });

  test('does not retry a Slack error; the global handler logs it once with the request’s context', async ({
    harness,
  }) => {
    harness.api.fail('views.open', { error: 'expired_trigger_id' });
    await harness.command();
    const entry = await harness.logs.waitFor(requestFailed);
    expect(entry).toMatchObject({
      level: 50,
      code: 'slack_webapi_platform_error',
      slackError: 'expired_trigger_id',
      command: '/chip-advice',
      user: 'U0ASKER',
    });
    await harness.settle();
    expect(harness.api.callsTo('views.open')).toHaveLength(1);
    expect(harness.logs.errors()).toHaveLength(1);
  });
});

describe('when the Web API cannot be reached', () => {
  test('retries views.open, then tells the person and logs the failure once', async ({
    startHarness,
  }) => {
    const harness = await startHarness({
      env: { SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/` },
    });
    harness.logs.clear();
    await harness.command();
    const [notice] = await harness.api.waitFor('response_url');
    expect(notice?.params).toMatchObject({ response_type: 'ephemeral' });
    const attempts = harness.logs
      .entries()
      .filter((entry) => String(entry.msg).startsWith('http request failed connect ECONNREFUSED'));
    expect(attempts).toHaveLength(3); // the first try and FAST_RETRY's two retries
    expect(String(notice?.params.text)).toContain('Slack could not be reached');
    const entry = await harness.logs.waitFor(requestFailed);
    expect(entry).toMatchObject({ code: 'slack_webapi_request_error', command: '/chip-advice' });
    await harness.settle();
    expect(harness.logs.errors()).toHaveLength(1);
  });
});

describe('when the Web API stops answering', () => {
  // Long enough for every call a busy machine answers slowly; the held one still runs out.
  test.override('harnessOptions', { deps: { webApiTimeoutMs: 500 } });

  test.for([
    { stall: 'does not start', afterHeaders: false },
    { stall: 'stops in the middle of the body', afterHeaders: true },
  ])(
    'abandons a views.open whose answer $stall, after the timeout, and retries it',
    async ({ afterHeaders }, { harness }) => {
      const hold = harness.api.hold('views.open', { times: 1, afterHeaders });
      await harness.command();
      await hold.arrived();
      const [retried] = await harness.api.waitFor('views.open');
      expect(retried?.response.status).toBe(200);
      hold.release();
      const [, abandoned] = await harness.api.waitFor('views.open', 2);
      expect(abandoned?.response).toEqual({ status: 0, body: 'client gone before release' });
      expect(abandoned?.params.trigger_id).toBe(retried?.params.trigger_id);
      expect(harness.api.callsTo('response_url')).toEqual([]);
    },
  );
});
