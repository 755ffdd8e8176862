import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A loopback TCP proxy in front of the real PostgreSQL server, to fail the way networks and
 * servers fail without touching the shared server: `refuse` (new connections are reset at
 * once, as by a server that is down), `cut` (open connections are dropped), `delay` (every chunk
 * waits), `blackhole` (connections are accepted and never answered).
 */
export class TcpProxy {
  readonly #server: net.Server;
  readonly #sockets = new Set<net.Socket>();
  readonly #upstreams = new Set<net.Socket>();
  #mode: 'pass' | 'refuse' | 'blackhole' = 'pass';
  #delayMs = 0;

  private constructor(
    readonly target: { host: string; port: number },
    server: net.Server,
  ) {
    this.#server = server;
  }

  /** Starts a proxy on 127.0.0.1, a random port, to `target`. */
  static async start(target = { host: '127.0.0.1', port: 5432 }): Promise<TcpProxy> {
    const server = net.createServer();
    const proxy = new TcpProxy(target, server);
    server.on('connection', (socket) => proxy.#accept(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.#server.address() as net.AddressInfo).port;
  }

  /** A connection string to the test database through the proxy. */
  url(user = 'postgres', database = 'test'): string {
    return `postgres://${user}@127.0.0.1:${this.port}/${database}`;
  }

  pass(): void {
    this.#mode = 'pass';
    this.#delayMs = 0;
  }

  /** New connections are reset; open ones are cut too, as when the server stops. */
  refuse(): void {
    this.#mode = 'refuse';
    this.cut();
  }

  blackhole(): void {
    this.#mode = 'blackhole';
  }

  /** Every chunk, both ways, waits `ms` (the connections stay up). */
  delay(ms: number): void {
    this.#delayMs = ms;
  }

  /** Drops every open connection. */
  cut(): void {
    for (const socket of this.#sockets) socket.destroy();
  }

  /** Local ports of the connections to the server: `client_port` in pg_stat_activity. */
  upstreamPorts(): number[] {
    return [...this.#upstreams]
      .map((socket) => socket.localPort)
      .filter((port) => port !== undefined);
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(client: net.Socket): void {
    this.#sockets.add(client);
    client.on('close', () => this.#sockets.delete(client));
    client.on('error', () => undefined);
    if (this.#mode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    if (this.#mode === 'blackhole') return;
    const upstream = net.connect(this.target);
    this.#sockets.add(upstream);
    this.#upstreams.add(upstream);
    upstream.on('close', () => {
      this.#sockets.delete(upstream);
      this.#upstreams.delete(upstream);
      client.destroy();
    });
    client.on('close', () => upstream.destroy());
    upstream.on('error', () => undefined);
    this.#pipe(client, upstream);
    this.#pipe(upstream, client);
  }

  /** Forwards in order, each chunk after the delay in force when it arrived. */
  #pipe(from: net.Socket, to: net.Socket): void {
    let chain = Promise.resolve();
    from.on('data', (chunk) => {
      const wait = this.#delayMs;
      chain = chain.then(async () => {
        if (wait > 0) await sleep(wait);
        if (!to.destroyed) to.write(chunk);
      });
    });
  }
}
