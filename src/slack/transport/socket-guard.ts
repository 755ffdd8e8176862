import { setTimeout as sleep } from 'node:timers/promises';
import type { Receiver } from '@slack/bolt';
import { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/**
 * Contains what @slack/socket-mode 3.1.0 throws outside any caller, each of which ended the
 * process with a raw stack trace (issue 12, item 6):
 *
 * 1. A text frame that is JSON but not an object (`null`), or an `events_api` envelope without
 *    `payload.event`: `onWebSocketMessage` reads `event.type` / `event.payload.event.type` on it
 *    and rejects; it is an async `ws_message` listener, so the rejection is unhandled.
 * 2. After a dropped connection, `apps.connections.open` failing with an HTTP 5xx or a network
 *    error: `retrieveWSSURL` calls both unrecoverable and rethrows; `delayReconnectAttempt` runs
 *    `start()` as `cb.apply(this).then(res)`, with no catch: an unhandled rejection.
 *
 * Upstream report (slackapi/node-slack-sdk, package @slack/socket-mode 3.1.0):
 * > Title: SocketModeClient crashes the process on a `null` frame, an events_api envelope
 * > without an event, or apps.connections.open failing during a reconnect.
 * > Repro: connect a SocketModeClient to a local ws server; send the text frame `null`, or
 * > `{"type":"events_api","envelope_id":"x","payload":{}}` → unhandled rejection (TypeError:
 * > Cannot read properties of null (reading 'type')). Or: drop the connection, then answer
 * > apps.connections.open with HTTP 500 (or refuse it) for 20 s → `delayReconnectAttempt`
 * > rejects unhandled (`cb.apply(this).then(res)` has no catch) and Node exits.
 * > Expected: malformed frames are logged and ignored (acknowledged when they have an
 * > envelope_id); a failed reconnect is retried with backoff and reported as a state.
 */

/** The parts of SocketModeClient this reaches into (its types call them private). */
interface ClientInternals {
  start(): Promise<unknown>;
  shuttingDown?: boolean;
  onWebSocketMessage(data: unknown, isBinary: boolean): Promise<void>;
  send(envelopeId: string, body?: unknown): Promise<void>;
  removeAllListeners(event: string): unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** What is wrong with a frame that @slack/socket-mode would throw on; undefined when fine. */
function frameProblem(text: string): { problem: string; envelopeId?: string } | undefined {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return undefined; // The client logs and ignores unparsable frames itself.
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
    return { problem: 'a frame that is not an object' };
  }
  const { type, envelope_id: envelopeId, payload } = frame as Record<string, unknown>;
  const id = typeof envelopeId === 'string' ? { envelopeId } : {};
  if (type === 'events_api') {
    const event = (payload as { event?: unknown } | null | undefined)?.event;
    if (typeof event !== 'object' || event === null) {
      return { problem: 'an events_api envelope without an event', ...id };
    }
  }
  return undefined;
}

const MAX_BACKOFF_MS = 60_000;

/** Installs the guards on a Socket Mode receiver (nothing for HTTP). Call after the first start. */
export function guardSocketMode(receiver: Receiver, logger: Logger, baseDelayMs = 1000): void {
  if (!(receiver instanceof SocketModeReceiver)) return;
  const client = receiver.client as unknown as ClientInternals;
  client.removeAllListeners('ws_message');
  client.on('ws_message', (data: unknown, isBinary: unknown) => {
    const text = typeof data === 'string' ? data : Buffer.from(data as Buffer).toString('utf8');
    const bad = isBinary === true ? undefined : frameProblem(text);
    if (bad) {
      logger.warn({ problem: bad.problem }, 'Socket Mode: ignored a malformed frame');
      // Acknowledged, so Slack does not send it again.
      if (bad.envelopeId) client.send(bad.envelopeId).catch(() => undefined);
      return;
    }
    client.onWebSocketMessage(data, isBinary === true).catch((error: unknown) => {
      logger.error({ err: error }, 'Socket Mode: the client failed on a frame; ignored');
    });
  });
  const start = client.start.bind(client);
  // The client's reconnect calls `this.start`: this one retries with backoff instead of throwing.
  client.start = async () => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const started = await start();
        if (attempt > 1) logger.info({ attempt }, 'Socket Mode: reconnected');
        return started;
      } catch (error) {
        if (client.shuttingDown) return undefined;
        const delayMs = Math.min(baseDelayMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
        logger.warn(
          { err: error, attempt, delayMs, state: 'reconnecting' },
          'Socket Mode: could not reconnect; trying again',
        );
        await sleep(delayMs);
      }
    }
  };
}
