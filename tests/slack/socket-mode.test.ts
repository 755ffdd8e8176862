import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChipAdviceApp, createApp } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import { slashCommand } from '../../testkit/slack-payloads.js';
import { FakeSocketMode } from '../support/fake-socket-mode.js';
import { viewOf } from '../support/flows.js';
import { BOT_TOKEN, FAST_RETRY } from '../support/harness.js';
import { LogSink } from '../support/log-sink.js';

const APP_TOKEN = 'xapp-1-A0CHIPADVICE-0000-test-app-token';

let api: FakeSlackApi;
let socket: FakeSocketMode;
let app: ChipAdviceApp;
let logs: LogSink;

beforeEach(async () => {
  api = await FakeSlackApi.start();
  socket = await FakeSocketMode.start();
  api.respond('apps.connections.open', (_params, call) =>
    call.token === APP_TOKEN ? { ok: true, url: socket.url } : { ok: false, error: 'invalid_auth' },
  );
  logs = new LogSink();
  const config = readConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: api.url,
    LOG_LEVEL: 'debug',
  });
  const logger = createLogger({
    level: 'debug',
    format: 'json',
    secrets: config.secrets,
    destination: logs,
  });
  app = createApp(config, { logger, retryConfig: FAST_RETRY });
});

afterEach(async () => {
  await app.stop();
  await socket.close();
  await api.close();
});

describe('Socket Mode', () => {
  it('connects with the app-level token through apps.connections.open', async () => {
    const started = await app.start();
    expect(started.mode).toBe('socket');
    const [open] = api.callsTo('apps.connections.open');
    expect(open?.token).toBe(APP_TOKEN);
    expect(socket.connections).toBe(1);
  });

  it('acks a slash command envelope over the socket and opens the modal', async () => {
    await app.start();
    const command = slashCommand({
      responseUrl: api.responseUrl(),
      triggerId: '42.socket.trigger',
    });
    socket.send({
      envelope_id: 'envelope-slash-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: command,
    });
    const ack = await socket.ackOf('envelope-slash-1');
    expect(ack).toEqual({ envelope_id: 'envelope-slash-1', payload: {} });
    const [open] = await api.waitFor('views.open');
    expect(open?.token).toBe(BOT_TOKEN);
    expect(open?.params.trigger_id).toBe('42.socket.trigger');
    expect(viewOf(open).callback_id).toBe('chip_advice_questionnaire');
  });

  it('sends the help in the ack payload, for the person who asked only', async () => {
    await app.start();
    socket.send({
      envelope_id: 'envelope-help',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashCommand({ text: 'help', responseUrl: api.responseUrl() }),
    });
    const ack = (await socket.ackOf('envelope-help')) as { payload: Record<string, unknown> };
    expect(ack.payload.response_type).toBe('ephemeral');
    expect(String(ack.payload.text)).toContain('I recommend an AI accelerator');
  });

  it('acknowledges a malformed envelope, so Slack does not resend it, and runs no listener', async () => {
    await app.start();
    socket.send({ envelope_id: 'envelope-null', type: 'interactive', payload: null });
    socket.send({
      envelope_id: 'envelope-no-user',
      type: 'interactive',
      payload: { type: 'view_submission', view: { id: 'V1' } },
    });
    expect(await socket.ackOf('envelope-null')).toEqual({
      envelope_id: 'envelope-null',
      payload: {},
    });
    await socket.ackOf('envelope-no-user');
    await logs.waitFor(/acknowledged a malformed envelope: user: /);
    expect(
      api.calls.filter(
        (call) => call.method !== 'apps.connections.open' && call.method !== 'auth.test',
      ),
    ).toEqual([]);
  });

  it('does not log the app-level or bot token', async () => {
    await app.start();
    socket.send({
      envelope_id: 'envelope-slash-2',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashCommand({ responseUrl: api.responseUrl() }),
    });
    await api.waitFor('views.open');
    expect(logs.lines.length).toBeGreaterThan(5);
    expect(logs.text).not.toContain(APP_TOKEN);
    expect(logs.text).not.toContain(BOT_TOKEN);
  });
});
