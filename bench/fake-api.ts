import { FakeSlackApi } from '../testkit/fake-slack-api.js';
import { defaultAnswers, type FakeState } from '../testkit/fake-slack-methods.js';

type Json = Record<string, unknown>;

/** What the benchmark times on arrival at the Web API. */
export type ArrivalKey = `views.open:${string}` | `views.update:${string}` | `thread:${string}`;

/**
 * The fake Web API of testkit/ (answers like Slack, on 127.0.0.1), plus the moment each call the
 * benchmark times arrives: views.open by trigger_id, views.update by view id, and a thread reply
 * (chat.postMessage with thread_ts) by channel. Answers are Slack's default ones, from a state
 * this class owns, so it can keep the views it opened when a benchmark needs to fill them in.
 */
export class BenchApi {
  readonly #fake: FakeSlackApi;
  #state: FakeState;
  readonly #arrivals = new Map<string, number>();
  readonly #waiters = new Map<string, (at: number) => void>();
  /** The view each views.open / views.update answered with, by trigger_id and by view id. */
  readonly opened = new Map<string, Json>();
  readonly updated = new Map<string, Json>();
  /** Keep opened and updated views (a submission benchmark's preparation), or not (load). */
  keepViews = false;

  private constructor(fake: FakeSlackApi) {
    this.#fake = fake;
    this.#state = { views: new Map(), files: new Map(), origin: fake.origin, nextId: 1, nextTs: 1 };
    this.#answerAndRecord();
  }

  static async start(): Promise<BenchApi> {
    return new BenchApi(await FakeSlackApi.start());
  }

  get url(): string {
    return this.#fake.url;
  }

  responseUrl(): string {
    return this.#fake.responseUrl();
  }

  /** When `key` arrived (performance.now() in this process), if it has. */
  arrival(key: ArrivalKey): number | undefined {
    return this.#arrivals.get(key);
  }

  /** Resolves with the arrival time of `key`; rejects after `timeoutMs` (a guard, not a check). */
  waitFor(key: ArrivalKey, timeoutMs = 10_000): Promise<number> {
    const at = this.#arrivals.get(key);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(key);
        reject(new Error(`nothing arrived for ${key} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.set(key, (arrived) => {
        clearTimeout(timer);
        resolve(arrived);
      });
    });
  }

  /** Forgets every call, arrival and view: memory in this process stays flat between phases. */
  clear(): void {
    this.#fake.reset();
    this.#arrivals.clear();
    this.opened.clear();
    this.updated.clear();
    this.#state = {
      ...this.#state,
      views: new Map(),
      files: new Map(),
      nextId: this.#state.nextId,
      nextTs: this.#state.nextTs,
    };
    this.#answerAndRecord();
  }

  close(): Promise<void> {
    return this.#fake.close();
  }

  #arrived(key: ArrivalKey): void {
    const at = performance.now();
    this.#arrivals.set(key, at);
    this.#waiters.get(key)?.(at);
    this.#waiters.delete(key);
  }

  #answerAndRecord(): void {
    const answer = (method: string, params: Json, token: string | undefined) =>
      defaultAnswers(this.#state, method, params, token) as { ok: boolean; view?: Json };
    this.#fake.respond('views.open', (params, call) => {
      const body = answer('views.open', params, call.token);
      const trigger = String(params.trigger_id);
      if (this.keepViews && body.view) this.opened.set(trigger, body.view);
      this.#arrived(`views.open:${trigger}`);
      return body;
    });
    this.#fake.respond('views.update', (params, call) => {
      const body = answer('views.update', params, call.token);
      const viewId = String(params.view_id);
      if (this.keepViews && body.view) this.updated.set(viewId, body.view);
      this.#arrived(`views.update:${viewId}`);
      return body;
    });
    this.#fake.respond('chat.postMessage', (params, call) => {
      const body = answer('chat.postMessage', params, call.token);
      if (params.thread_ts !== undefined) this.#arrived(`thread:${String(params.channel)}`);
      return body;
    });
  }
}
