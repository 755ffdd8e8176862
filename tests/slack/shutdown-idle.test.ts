import { connect, type Socket } from 'node:net';
import { describe, expect } from 'vitest';
import { test } from '../support/fixtures.js';
import { BOT_TOKEN } from '../support/harness.js';

const HTTP_ENV = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 'lifecycle-signing-secret' };

/** A client that opens a keep-alive connection, maybe asks once, then says nothing more. */
async function silentClient(origin: string, request?: string): Promise<Socket> {
  const { hostname, port } = new URL(origin);
  const socket = connect(Number(port), hostname);
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  if (request) socket.write(request);
  // A whole request is answered before the client falls silent.
  if (request?.endsWith('\r\n\r\n')) {
    await new Promise<void>((resolve) => socket.once('data', () => resolve()));
  }
  return socket;
}

/**
 * Shutdown with idle connections open (issue 12, item 5): they are closed at once, and only
 * requests in flight are waited for; the process exits 0 (not after the shutdown bound, with 1).
 */
describe('SIGTERM with idle keep-alive connections', () => {
  test.for([
    ['a client that connected and sent nothing', undefined],
    [
      'a client that asked once and kept the connection',
      'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n',
    ],
    ['a client that sent half a request', 'POST /slack/events HTTP/1.1\r\nHost: x\r\n'],
  ] as const)(
    '%s does not hold up the stop',
    { timeout: 40_000 },
    async ([, request], { startProcess }) => {
      // A bound long enough that reaching it would show: the stop must not wait for it.
      const app = await startProcess({ ...HTTP_ENV, SHUTDOWN_TIMEOUT_MS: '20000' });
      const socket = await silentClient(app.origin, request);
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      app.child.kill('SIGTERM');
      const code = await app.exited;
      expect(code).toBe(0);
      await closed;
      expect(app.stderr()).toBe('');
    },
  );
});
