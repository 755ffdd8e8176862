// Hand-written over undici's fetch because npm run bench (2026-12-01, same run as bare Bolt) put app CPU per command at 1.29x bare Bolt with undici's fetch and 0.89x with this reader.
import type { IncomingHttpHeaders } from 'node:http';
import type { webApi } from '@slack/bolt';
import { Agent, request } from 'undici';

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
export function slackHttp(timeoutMs: number): SlackHttp {
  const dispatcher = new Agent({
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const fetch: webApi.FetchFunction = async (url, init = {}) => {
    const { body, method = 'GET', headers, signal } = init;
    if (typeof body !== 'string' && body !== undefined) {
      // A file upload: multipart FormData is Node's own class, which only Node's fetch encodes.
      return globalThis.fetch(url, { ...init, signal: signal ?? AbortSignal.timeout(timeoutMs) });
    }
    // undici's request neither follows redirects (the Web API client asks for `redirect: 'error'`;
    // a 3xx comes back as an answer it refuses) nor decompresses, so it asks for no compression.
    const answer = await request(url, {
      method,
      dispatcher,
      headers: { ...headers, 'accept-encoding': 'identity' },
      ...(body === undefined ? {} : { body }),
      ...(signal ? { signal } : {}),
    });
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    return new ReadResponse(
      String(url),
      answer.statusCode,
      answer.statusText,
      answer.headers,
      bytes,
    );
  };
  return { fetch, close: () => dispatcher.close(), destroy: () => dispatcher.destroy() };
}
