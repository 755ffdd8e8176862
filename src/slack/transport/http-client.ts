// Hand-written over undici's fetch because npm run bench (2026-12-01, same run as bare Bolt) put app CPU per command at 1.29x bare Bolt with undici's fetch and 0.89x with this reader.
import type { IncomingHttpHeaders } from 'node:http';
import type { webApi } from '@slack/bolt';
import { Agent, request } from 'undici';
import { PostUnconfirmedError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { RateHolds } from './rate-holds.js';
import { isUnrepeatable, methodOf, neverSent } from './send-policy.js';

type FetchResponse = Awaited<ReturnType<webApi.FetchFunction>>;

/** The fetch every HTTP call to Slack goes through, and what to close when the app stops. */
export interface SlackHttp {
  readonly fetch: webApi.FetchFunction;
  /** Lets requests in flight finish, then closes the connections it keeps open. */
  close(): Promise<void>;
  /** Ends requests in flight and closes every connection at once. */
  destroy(): Promise<void>;
}

/** A Slack answer read to its end: the fetch `Response` surface the Web API client and Bolt use. */
class ReadResponse implements FetchResponse {
  readonly ok: boolean;
  readonly headers: FetchResponse['headers'];

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    headers: IncomingHttpHeaders,
    private readonly bytes: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
      entries: () =>
        Object.entries(headers).flatMap(([name, value]): [string, string][] =>
          value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
        ),
    };
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.bytes;
    return buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return this.bytes.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}

/**
 * The HTTP client of the Web API client and of Bolt's `respond`: undici (the library behind
 * Node's own fetch, in the version @slack/socket-mode already uses) through one connection pool
 * whose timeouts bound every request, each retry included, to `timeoutMs` for each wait:
 * connecting, the response headers, and every wait for more of the body. A request that runs out
 * of time fails like a network error, which the Web API client retries. (undici checks these
 * bounds about twice a second, so a wait can outlast its bound by up to a second.)
 *
 * The Web API client and Bolt both take a `fetch`; this one is undici's `request` with the
 * answer read to its end (Slack's answers are small JSON), which costs a fraction of the CPU of a
 * WHATWG fetch. Two costs it avoids were measured on Node 20 (see "Benchmarks" in the README): the
 * WebClient's own `timeout` option gives each request an `AbortSignal.timeout`, and fetch's
 * streams and validation cost more than the rest of a views.open call. Reading the whole answer
 * also frees the connection when a caller ignores the body (Bolt's `respond` does).
 * @see https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherrequestoptions-callback
 */
export interface SlackHttpOptions {
  /**
   * How long a call that must not be repeated (chat.postMessage) waits for its answer once sent
   * (SLACK_POST_TIMEOUT_MS); connecting is still bounded by `timeoutMs`.
   */
  readonly postTimeoutMs?: number;
  /** Where rate limits and unconfirmed posts are logged. */
  readonly logger?: Logger;
}

/** The code of the error a call still rate limited after its tries ends with (surely not done). */
export const STILL_RATE_LIMITED = 'chip_advice_still_rate_limited';

/** 429s answered within one call before it is handed back to the Web API client's retries. */
const RATE_LIMITED_TRIES = 3;

function retryAfterMs(headers: IncomingHttpHeaders): number | undefined {
  const seconds = Number(headers['retry-after']);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * Besides bounding every wait, the fetch applies the send policy (send-policy.ts): a 429 holds
 * only its own method and token (rate-holds.ts) and is sent again after its Retry-After, never
 * reaching the Web API client, which would pause every call; a chat.postMessage that was sent
 * and not confirmed (no answer within `postTimeoutMs`, a dropped connection, a 5xx) fails with
 * {@link PostUnconfirmedError}, which the client's retry hook does not retry.
 */
export function slackHttp(timeoutMs: number, options: SlackHttpOptions = {}): SlackHttp {
  const postTimeoutMs = options.postTimeoutMs ?? timeoutMs;
  const holds = new RateHolds();
  const dispatcher = new Agent({
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });

  async function send(url: string | URL, init: RequestInit, waitMs: number) {
    const { body, method = 'GET', headers, signal } = init;
    // undici's request neither follows redirects (the Web API client asks for `redirect: 'error'`;
    // a 3xx comes back as an answer it refuses) nor decompresses, so it asks for no compression.
    const answer = await request(url, {
      method,
      dispatcher,
      headersTimeout: waitMs,
      bodyTimeout: waitMs,
      headers: { ...(headers as Record<string, string>), 'accept-encoding': 'identity' },
      ...(typeof body === 'string' ? { body } : {}),
      ...(signal ? { signal } : {}),
    });
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    return {
      status: answer.statusCode,
      statusText: answer.statusText,
      headers: answer.headers,
      bytes,
    };
  }

  const fetch: webApi.FetchFunction = async (url, init = {}) => {
    const { body, signal } = init;
    if (typeof body !== 'string' && body !== undefined) {
      // A file upload: multipart FormData is Node's own class, which only Node's fetch encodes.
      return globalThis.fetch(url, { ...init, signal: signal ?? AbortSignal.timeout(timeoutMs) });
    }
    const method = methodOf(String(url));
    const unrepeatable = isUnrepeatable(method);
    const authorization = (init.headers as Record<string, string> | undefined)?.Authorization;
    const key = RateHolds.keyOf(method, authorization);
    for (let tries = 1; ; tries += 1) {
      await holds.wait(key);
      let answer: Awaited<ReturnType<typeof send>>;
      try {
        answer = await send(url, init, unrepeatable ? postTimeoutMs : timeoutMs);
      } catch (error) {
        if (!unrepeatable || neverSent(error)) throw error;
        options.logger?.warn({ method, err: error }, 'sent to Slack, not confirmed; not resent');
        throw new PostUnconfirmedError(method, undefined, { cause: error });
      }
      const wait = answer.status === 429 ? retryAfterMs(answer.headers) : undefined;
      if (wait !== undefined) {
        holds.hold(key, wait);
        options.logger?.info(
          { method, retryAfterMs: wait, tries },
          `rate limited by Slack: holding ${method} only, for ${wait / 1000} s`,
        );
        if (tries < RATE_LIMITED_TRIES) continue;
        // Surely not done (Slack refused it): the Web API client's retries may send it again.
        throw Object.assign(new Error(`${method} still rate limited after ${tries} tries`), {
          code: STILL_RATE_LIMITED,
        });
      }
      if (unrepeatable && answer.status >= 500) {
        options.logger?.warn(
          { method, status: answer.status },
          'Slack answered a post with a 5xx; not resent',
        );
        throw new PostUnconfirmedError(method, answer.status);
      }
      return new ReadResponse(
        String(url),
        answer.status,
        answer.statusText,
        answer.headers,
        answer.bytes,
      );
    }
  };
  return { fetch, close: () => dispatcher.close(), destroy: () => dispatcher.destroy() };
}
