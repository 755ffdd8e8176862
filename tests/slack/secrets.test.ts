import { describe, expect } from 'vitest';
import { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import { FORM } from '../../testkit/signed-request.js';
import { slashCommand } from '../../testkit/slack-payloads.js';
import { FakeSocketMode } from '../support/fake-socket-mode.js';
import { test } from '../support/fixtures.js';
import {
  chooseWorkload,
  INFERENCE_ANSWERS,
  openFromCommand,
  submit,
  viewOf,
} from '../support/flows.js';

/**
 * Everything the real process writes (standard output and error, Bolt's, the Web API client's
 * and the Socket Mode client's logging included, at debug level) during a session where things
 * go wrong, searched for the secrets and for pieces of them.
 */

const BOT_TOKEN = 'xoxb-1111-2222-bottokensecretTAIL9a';
const SIGNING_SECRET = 'signing-secret-0123-SIGNTAIL8bc';
const APP_TOKEN = 'xapp-1-A0CHIP-3333-apptokensecretTAIL7d';

/** The secret and pieces of it: its last 12 characters, and 12 from its middle. */
function fragments(secret: string): string[] {
  const middle = Math.floor(secret.length / 2) - 6;
  return [secret, secret.slice(-12), secret.slice(middle, middle + 12)];
}

function expectNoSecrets(output: string, secrets: readonly string[]) {
  for (const secret of secrets) {
    for (const fragment of fragments(secret)) expect(output).not.toContain(fragment);
  }
}

describe('the logs of a whole session with failures', () => {
  test('never contain the bot token or the signing secret (HTTP mode, debug level)', async ({
    startProcess,
  }) => {
    const api = await FakeSlackApi.start();
    api.fail('auth.test', { error: 'invalid_auth' });
    const app = await startProcess(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        LOG_LEVEL: 'debug',
        SLACK_API_TIMEOUT_MS: '1000',
        SLACK_POST_TIMEOUT_MS: '1000',
      },
      api,
    );
    await api.waitFor('auth.test');
    // A forged request, and one Bolt could not parse.
    expect((await app.post('command=%2Fchip-advice', FORM, { secret: 'wrong' })).status).toBe(401);
    expect((await app.post('payload=null', FORM)).status).toBe(400);
    // views.open fails once (retried); later Slack's error echoes the request's headers.
    api.fail('views.open', { status: 503, times: 1 });
    await app.command();
    const opened = viewOf((await api.waitFor('views.open', 2))[1]);
    const view = await chooseWorkload(app, opened, { workload: 'inference' });
    const echo = { authorization: `Bearer ${BOT_TOKEN}`, 'x-slack-signature': SIGNING_SECRET };
    api.fail('views.open', {
      status: 502,
      body: `proxy error for ${JSON.stringify(echo)}`,
      times: 4,
    });
    await app.command();
    await api.waitFor('response_url');
    // The channel refuses the bot: the advice goes by direct message.
    api.fail('chat.postMessage', { error: 'not_in_channel', times: 1 });
    await submit(app, view, INFERENCE_ANSWERS);
    await api.waitFor('chat.postMessage', 4);
    // Slack does not answer in time: the post is not sent again (it may be done), the person is told.
    const second = await chooseWorkload(app, await openFromCommand(app), { workload: 'inference' });
    const hold = api.hold('chat.postMessage', { times: 1 });
    await submit(app, second, { ...INFERENCE_ANSWERS, monthlySpendUsd: 5000 });
    await hold.arrived(1, 15_000);
    await api.waitFor('response_url', 2, 15_000);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    const output = app.output();
    expect(output).toContain('"level":20');
    expect(output).toContain('http request headers');
    expect(output).toContain('chip_advice_delivery_failed');
    expectNoSecrets(output, [BOT_TOKEN, SIGNING_SECRET]);
    hold.release();
  }, 30_000);

  test('never contain the app-level token or the bot token (Socket Mode, debug level)', async ({
    startProcess,
  }) => {
    const api = await FakeSlackApi.start();
    const socket = await FakeSocketMode.start();
    api.respond('apps.connections.open', (_params, call) =>
      call.token === APP_TOKEN
        ? { ok: true, url: socket.url }
        : { ok: false, error: 'invalid_auth' },
    );
    api.fail('views.open', { error: 'expired_trigger_id', times: 1 });
    try {
      const app = await startProcess(
        { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, LOG_LEVEL: 'debug' },
        api,
      );
      socket.send({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: slashCommand({ responseUrl: api.responseUrl() }),
      });
      await socket.ackOf('env-1');
      await api.waitFor('response_url');
      socket.send({ envelope_id: 'env-2', type: 'interactive', payload: null });
      await socket.ackOf('env-2');
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      const output = app.output();
      expect(output).toContain('apps.connections.open');
      expect(output).toContain('expired_trigger_id');
      expectNoSecrets(output, [APP_TOKEN, BOT_TOKEN]);
    } finally {
      await socket.close();
    }
  });
});
