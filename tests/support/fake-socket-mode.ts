import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * Slack's Socket Mode end on 127.0.0.1: the app connects to it (the fake Web API hands out its
 * URL from apps.connections.open), it says `hello`, then sends envelopes and records the acks.
 * @see https://docs.slack.dev/apis/events-api/using-socket-mode
 */
export class FakeSocketMode {
  readonly #server: WebSocketServer;
  readonly #events = new EventEmitter();
  readonly #sockets = new Set<WebSocket>();
  /** Every message the app sent over the socket, parsed. */
  readonly received: Record<string, unknown>[] = [];
  /** Connections accepted since the start, including closed ones. */
  accepted = 0;

  private constructor(server: WebSocketServer) {
    this.#server = server;
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      this.accepted += 1;
      this.#events.emit('connection');
      socket.on('message', (data) => {
        this.received.push(JSON.parse(String(data)) as Record<string, unknown>);
        this.#events.emit('message');
      });
      socket.on('close', () => this.#sockets.delete(socket));
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'fake-socket-mode', approximate_connection_time: 3600 },
          connection_info: { app_id: 'A0CHIPADVICE' },
        }),
      );
    });
  }

  static async start(): Promise<FakeSocketMode> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    return new FakeSocketMode(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}/`;
  }

  get connections(): number {
    return this.#sockets.size;
  }

  /** Sends an envelope to every connected app. */
  send(envelope: Record<string, unknown>): void {
    for (const socket of this.#sockets) socket.send(JSON.stringify(envelope));
  }

  /** Sends a text frame as it is (`null`, a broken envelope) to every connected app. */
  sendRaw(text: string): void {
    for (const socket of this.#sockets) socket.send(text);
  }

  /** Resolves with the app's ack of `envelopeId`; rejects after `timeoutMs` (a hang guard). */
  async ackOf(envelopeId: string, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const find = () => this.received.find((message) => message.envelope_id === envelopeId);
    const found = find();
    if (found) return found;
    return new Promise((resolve, reject) => {
      const onMessage = () => {
        const ack = find();
        if (!ack) return;
        clearTimeout(timer);
        this.#events.off('message', onMessage);
        resolve(ack);
      };
      const timer = setTimeout(() => {
        this.#events.off('message', onMessage);
        reject(new Error(`no ack for envelope ${envelopeId}`));
      }, timeoutMs);
      this.#events.on('message', onMessage);
    });
  }

  /** Drops every connection without a close handshake, as a network failure would. */
  dropAll(): void {
    for (const socket of this.#sockets) socket.terminate();
  }

  /** Resolves once `count` connections have been accepted in all; rejects after `timeoutMs`. */
  async connected(count: number, timeoutMs = 5000): Promise<void> {
    if (this.accepted >= count) return;
    await new Promise<void>((resolve, reject) => {
      const onConnection = () => {
        if (this.accepted < count) return;
        clearTimeout(timer);
        this.#events.off('connection', onConnection);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#events.off('connection', onConnection);
        reject(new Error(`expected ${count} connection(s), got ${this.accepted}`));
      }, timeoutMs);
      this.#events.on('connection', onConnection);
    });
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
