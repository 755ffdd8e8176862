import { describe, expect } from 'vitest';
import { slashCommand } from '../../testkit/slack-payloads.js';
import { test } from '../support/fixtures.js';
import { viewOf } from '../support/flows.js';
import { BOT_TOKEN } from '../support/harness.js';
import { APP_TOKEN } from '../support/socket-harness.js';

describe('Socket Mode', () => {
  test('connects with the app-level token through apps.connections.open', async ({
    socketApp: { app, api, socket },
  }) => {
    const started = await app.start();
    expect(started.mode).toBe('socket');
    const [open] = api.callsTo('apps.connections.open');
    expect(open?.token).toBe(APP_TOKEN);
    expect(socket.connections).toBe(1);
  });

  test('acks a slash command envelope over the socket and opens the modal', async ({
    socketApp: { app, api, socket },
  }) => {
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

  test('sends the help in the ack payload, for the person who asked only', async ({
    socketApp: { app, api, socket },
  }) => {
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

  test('acknowledges a malformed envelope, so Slack does not resend it, and runs no listener', async ({
    socketApp: { app, api, socket, logs },
  }) => {
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

  test('does not log the app-level or bot token', async ({
    socketApp: { app, api, socket, logs },
  }) => {
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
