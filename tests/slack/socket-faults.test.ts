import { describe, expect } from 'vitest';
import { slashCommand, triggerId } from '../../testkit/slack-payloads.js';
import { test } from '../support/fixtures.js';

/**
 * Socket Mode stays up through what @slack/socket-mode throws on (issue 12, item 6): malformed
 * frames, and apps.connections.open failing while it reconnects. An unhandled rejection here
 * would fail the test run (vitest reports it) and end the real process.
 */
describe('Socket Mode faults', () => {
  test('a null frame and an events_api envelope without an event are logged and ignored', async ({
    socketApp: { app, api, socket, logs },
  }) => {
    await app.start();
    socket.sendRaw('null');
    socket.send({ envelope_id: 'no-event', type: 'events_api', payload: {} });
    await socket.ackOf('no-event');
    const ignored = await logs.waitFor('Socket Mode: ignored a malformed frame', (entry) =>
      String(entry.problem).includes('events_api'),
    );
    expect(ignored).toMatchObject({ level: 40 });
    // Still working: a command opens the modal.
    const command = slashCommand({ responseUrl: api.responseUrl(), triggerId: triggerId() });
    socket.send({ envelope_id: 'cmd', type: 'slash_commands', payload: command });
    await api.waitFor('views.open');
  });

  test.for([
    ['answering HTTP 500', { status: 500, times: 4 }],
    ['answering HTTP 502', { status: 502, times: 4 }],
  ] as const)(
    'reconnects with backoff after a drop while apps.connections.open keeps %s',
    { timeout: 30_000 },
    async ([, failure], { startSocketApp }) => {
      const { app, api, socket, logs } = await startSocketApp({ clientPingTimeoutMs: 300 });
      await app.start();
      api.fail('apps.connections.open', failure);
      socket.dropAll();
      await logs.waitFor('Socket Mode: could not reconnect; trying again', () => true, 15_000);
      await socket.connected(2, 20_000);
      await logs.waitFor('Socket Mode: reconnected', () => true, 5000);
      const command = slashCommand({ responseUrl: api.responseUrl(), triggerId: triggerId() });
      socket.send({ envelope_id: 'after', type: 'slash_commands', payload: command });
      await api.waitFor('views.open');
    },
  );

  test('reconnects with backoff after a drop while apps.connections.open is refused', {
    timeout: 30_000,
  }, async ({ startSocketApp }) => {
    const { app, api, socket, logs } = await startSocketApp({ clientPingTimeoutMs: 300 });
    await app.start();
    await api.down();
    socket.dropAll();
    await logs.waitFor('Socket Mode: could not reconnect; trying again', () => true, 15_000);
    await api.up();
    await socket.connected(2, 20_000);
    await logs.waitFor('Socket Mode: reconnected', () => true, 5000);
  });
});
