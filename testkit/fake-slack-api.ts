import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ApiCall,
  type ArmedFailure,
  type Failure,
  type HeldMethod,
  type Hold,
  parseParams,
  type Responder,
  readBody,
} from './fake-slack-calls.js';
import {
  defaultAnswers,
  type FakeState,
  freshState,
  type StoredFile,
  uploadAnswer,
} from './fake-slack-methods.js';
import { FakeOAuth } from './fake-slack-oauth.js';

export type { ApiCall, Failure, Hold, Responder } from './fake-slack-calls.js';

/**
 * A small Slack Web API on 127.0.0.1 for tests: point SLACK_API_URL at `api.url`. It records
 * every call (method, parsed params, headers, what it answered), answers like Slack does
 * (views get ids and hashes, messages get ts, a stale views.update hash gets hash_conflict) and
 * can be told to fail a method with a Slack error string, an HTTP status or a rate limit
 * (per method, with Retry-After), to hold calls (hang), to answer late after doing the work, or
 * to refuse connections altogether (`down()` / `up()`). trigger_ids expire after 3 s and open one
 * view; views.update keeps what a person typed ({@link enter}). It also serves response URLs
 * (`api.responseUrl()`), recorded under the method name `response_url`, and the upload URLs of
 * files.uploadV2 (recorded as `file_upload`; see `api.file(id)`).
 */

export class FakeSlackApi {
  #server: Server;
  readonly #port: number;
  readonly #delays = new Map<string, { ms: number; remaining: number }>();
  readonly #events = new EventEmitter();
  readonly #calls: ApiCall[] = [];
  readonly #failures = new Map<string, ArmedFailure>();
  readonly #responders = new Map<string, Responder>();
  readonly #holds = new Map<string, HeldMethod>();
  readonly #oauth = new FakeOAuth();
  readonly #state: FakeState;
  #responseUrls = 0;
  readonly origin: string;

  private constructor(server: Server) {
    this.#server = server;
    this.#port = (server.address() as AddressInfo).port;
    this.origin = `http://127.0.0.1:${this.#port}`;
    this.#state = { ...freshState(this.origin), oauth: this.#oauth };
  }

  /**
   * Lets trigger_ids live `ms` instead of Slack's 3 s, for a test of something else that opens
   * many modals at once on a machine that may be busy (the concurrency test).
   */
  keepTriggersFor(ms: number): void {
    if (this.#state.triggers) this.#state.triggers.lifetimeMs = ms;
  }

  /** A file uploaded through files.uploadV2 (its bytes, and where it was shared), by id. */
  file(id: string): Readonly<StoredFile> | undefined {
    return this.#state.files.get(id);
  }

  static #serve(api: () => FakeSlackApi | undefined): Server {
    return createServer((request, response) => {
      api()
        ?.handle(request, response)
        .catch((error: unknown) => {
          // A request the fake cannot read is the test's bug: answer it loudly, do not crash.
          response.writeHead(400, { 'content-type': 'text/plain' });
          response.end(`fake Slack API cannot read the request: ${String(error)}`);
        });
    });
  }

  /** Starts the fake on a free port of 127.0.0.1. */
  static async start(): Promise<FakeSlackApi> {
    let api: FakeSlackApi | undefined;
    const server = FakeSlackApi.#serve(() => api);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeSlackApi(server);
    return api;
  }

  /**
   * Stops listening and drops every connection: new connections are refused (ECONNREFUSED), as
   * when Slack or the network is down. `up()` listens again on the same port.
   */
  async down(): Promise<void> {
    const server = this.#server;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async up(): Promise<void> {
    if (this.#server.listening) return;
    this.#server = FakeSlackApi.#serve(() => this);
    const server = this.#server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => resolve());
    });
  }

  /**
   * Makes the next `times` calls to `method` (every call when absent) do their work and record
   * it at once, then answer only after `ms`: a slow Slack whose answer may come after the client
   * gave up, although the message was posted.
   */
  delay(method: string, ms: number, { times = Number.POSITIVE_INFINITY } = {}): void {
    this.#delays.set(method, { ms, remaining: times });
  }

  /** Makes chat.postMessage to `channel` answer `error` ("is_archived"...) from now on. */
  closeChannel(channel: string, error: string): void {
    this.#state.closedChannels?.set(channel, error);
  }

  /**
   * What a person typed into a view's inputs (Slack's `state.values` shape): kept by a later
   * views.update for the inputs it still has, and sent back in the view's answers.
   */
  enter(viewId: string, values: Record<string, unknown>): void {
    const stored = this.#state.views.get(viewId);
    if (!stored) throw new Error(`no view ${viewId}`);
    stored.view = { ...stored.view, state: { values } };
  }

  /** The base URL for SLACK_API_URL. */
  get url(): string {
    return `${this.origin}/api/`;
  }

  /** OAuth: installs of the fake workspaces, token rotation (fake-slack-oauth.ts). */
  get oauth(): FakeOAuth {
    return this.#oauth;
  }

  get calls(): readonly ApiCall[] {
    return this.#calls;
  }

  callsTo(method: string): ApiCall[] {
    return this.#calls.filter((call) => call.method === method);
  }

  /** A new response URL; POSTs to it are recorded as `response_url` calls. */
  responseUrl(): string {
    this.#responseUrls += 1;
    return `${this.origin}/response-url/${this.#responseUrls}`;
  }

  /** Makes `method` fail (see {@link Failure}); `times` calls, or until `reset()`. */
  fail(method: string, failure: Failure): void {
    this.#failures.set(method, {
      failure,
      remaining: failure.times ?? Number.POSITIVE_INFINITY,
      passing: failure.after ?? 0,
    });
  }

  /** Answers `method` with `responder` instead of the default answer. */
  respond(method: string, responder: Responder): void {
    this.#responders.set(method, responder);
  }

  /**
   * Holds the next `times` calls to `method` (every call when absent) without answering them,
   * as a Slack that does not answer in time; with `afterHeaders`, the answer starts (status,
   * headers, the body's first byte) and then stops. Held calls are recorded when released.
   */
  hold(method: string, { times = Number.POSITIVE_INFINITY, afterHeaders = false } = {}): Hold {
    const held: HeldMethod = { remaining: times, arrivals: 0, waiting: [], afterHeaders };
    this.#holds.set(method, held);
    const events = this.#events;
    return {
      get arrivals() {
        return held.arrivals;
      },
      arrived: (count = 1, timeoutMs = 5000) =>
        new Promise<void>((resolve, reject) => {
          const check = () => {
            if (held.arrivals < count) return;
            clearTimeout(timer);
            events.off('held', check);
            resolve();
          };
          const timer = setTimeout(() => {
            events.off('held', check);
            reject(new Error(`expected ${count} held call(s) to ${method}, got ${held.arrivals}`));
          }, timeoutMs);
          events.on('held', check);
          check();
        }),
      release: () => {
        if (this.#holds.get(method) === held) this.#holds.delete(method);
        for (const resume of held.waiting.splice(0)) resume();
      },
    };
  }

  /** Forgets calls, failures, holds and custom answers (views and ts counters keep going). */
  reset(): void {
    this.#calls.length = 0;
    this.#failures.clear();
    this.#responders.clear();
    for (const held of this.#holds.values()) for (const resume of held.waiting.splice(0)) resume();
    this.#holds.clear();
    this.#delays.clear();
    this.#state.closedChannels?.clear();
  }

  /**
   * Resolves with the calls to `method` once there are `count` of them. Rejects after
   * `timeoutMs` (a guard against a hung test, not a timing assertion) listing the calls seen.
   */
  async waitFor(method: string, count = 1, timeoutMs = 5000): Promise<ApiCall[]> {
    const enough = () => this.callsTo(method).length >= count;
    if (enough()) return this.callsTo(method);
    return new Promise((resolve, reject) => {
      const onCall = () => {
        if (!enough()) return;
        clearTimeout(timer);
        this.#events.off('call', onCall);
        resolve(this.callsTo(method));
      };
      const timer = setTimeout(() => {
        this.#events.off('call', onCall);
        // In the order they came, with a count for each run of one method: "views.open ×200, …".
        const runs: [string, number][] = [];
        for (const { method: name } of this.#calls) {
          const last = runs.at(-1);
          if (last?.[0] === name) last[1] += 1;
          else runs.push([name, 1]);
        }
        const seen = runs.map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ') || 'none';
        reject(new Error(`expected ${count} call(s) to ${method}; calls so far: ${seen}`));
      }, timeoutMs);
      this.#events.on('call', onCall);
    });
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', this.origin).pathname;
    const text = await readBody(request);
    const upload = /^\/upload\/(\w+)$/.exec(path)?.[1];
    // The bytes of a file are recorded as they came, not parsed as form fields.
    const params = upload
      ? { file_id: upload, content: await uploadedContent(text, request.headers['content-type']) }
      : parseParams(text, request.headers['content-type']);
    const method = path.startsWith('/response-url/')
      ? 'response_url'
      : upload
        ? 'file_upload'
        : path.replace(/^\/api\//, '');
    const authorization = request.headers.authorization;
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
    const call = { method, path, params, headers: request.headers, token, at: Date.now() };
    const held = this.#holds.get(method);
    let started = false;
    if (held && held.remaining > 0) {
      held.remaining -= 1;
      held.arrivals += 1;
      if (held.afterHeaders) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{');
        started = true;
      }
      await new Promise<void>((resume) => {
        held.waiting.push(resume);
        this.#events.emit('held');
      });
      if (response.destroyed || request.socket.destroyed) {
        this.#calls.push({ ...call, response: { status: 0, body: 'client gone before release' } });
        this.#events.emit('call');
        return;
      }
    }
    const { status, body, headers } = this.answer(call);
    // Recorded before answering, so the record is in the order the app made the calls.
    this.#calls.push({ ...call, response: { status, body } });
    this.#events.emit('call');
    const answer = typeof body === 'string' ? body : JSON.stringify(body);
    const delay = this.#delays.get(method);
    if (delay && delay.remaining > 0) {
      delay.remaining -= 1;
      await new Promise((resume) => setTimeout(resume, delay.ms));
      if (response.destroyed) return;
    }
    if (started) {
      response.end(answer.slice(1));
      return;
    }
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(answer);
  }

  private answer(call: Omit<ApiCall, 'response'>): {
    status: number;
    body: unknown;
    headers?: Record<string, string>;
  } {
    const armed = this.#failures.get(call.method);
    if (armed && armed.passing > 0) armed.passing -= 1;
    else if (armed && armed.remaining > 0) {
      armed.remaining -= 1;
      const { error, status, retryAfter } = armed.failure;
      if (retryAfter !== undefined) {
        return {
          status: status ?? 429,
          body: { ok: false, error: 'ratelimited' },
          headers: { 'retry-after': String(retryAfter) },
        };
      }
      if (status !== undefined) {
        return { status, body: armed.failure.body ?? 'fake Slack API: induced HTTP failure' };
      }
      const extra = typeof armed.failure.body === 'object' ? armed.failure.body : {};
      return { status: 200, body: { ...extra, ok: false, error: error ?? 'fatal_error' } };
    }
    if (call.method === 'file_upload') {
      return uploadAnswer(this.#state, String(call.params.file_id), String(call.params.content));
    }
    const responder = this.#responders.get(call.method);
    const body = responder
      ? responder(call.params, call)
      : defaultAnswers(this.#state, call.method, call.params, call.token);
    return { status: 200, body };
  }
}

/**
 * The bytes of a file posted to an upload URL: @slack/web-api sends them as the one part of a
 * multipart form; anything else is taken as the file itself.
 */
async function uploadedContent(text: string, contentType: string | undefined): Promise<string> {
  if (!contentType?.startsWith('multipart/form-data')) return text;
  const form = await new Response(text, { headers: { 'content-type': contentType } }).formData();
  const [part] = [...form.values()];
  return typeof part === 'string' ? part : ((await part?.text()) ?? '');
}
