import type { webApi } from '@slack/bolt';
import { Agent, fetch as undiciFetch } from 'undici';

/** The fetch every HTTP call to Slack goes through, and what to close when the app stops. */
export interface SlackHttp {
  readonly fetch: webApi.FetchFunction;
  /** Lets requests in flight finish, then closes the connections it keeps open. */
  close(): Promise<void>;
  /** Ends requests in flight and closes every connection at once. */
  destroy(): Promise<void>;
}

/**
 * The HTTP client of the Web API client and of Bolt's `respond`: undici's fetch (the library
 * behind Node's own `fetch`, in the version @slack/socket-mode already uses), through one
 * connection pool whose timeouts bound every request, each retry included, to `timeoutMs` for
 * each wait: connecting, the response headers, and every wait for more of the body. A request
 * that runs out of time fails like a network error, which the Web API client retries.
 *
 * The WebClient's own `timeout` option would do it with an `AbortSignal.timeout` per request;
 * on Node 20 that signal costs more CPU and garbage than the rest of a views.open call (see
 * "Benchmarks" in the README). The pool's timeouts cost nothing per request.
 * @see https://undici.nodejs.org/#/docs/api/Agent
 */
export function slackHttp(timeoutMs: number): SlackHttp {
  const dispatcher = new Agent({
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const fetch: webApi.FetchFunction = (url, init = {}) => {
    const { body, ...rest } = init;
    if (typeof body === 'string' || body === undefined) {
      return undiciFetch(url, { ...rest, ...(body === undefined ? {} : { body }), dispatcher });
    }
    // A file upload: multipart FormData is Node's own class, which only Node's fetch encodes.
    return globalThis.fetch(url, {
      ...init,
      signal: init.signal ?? AbortSignal.timeout(timeoutMs),
    });
  };
  return { fetch, close: () => dispatcher.close(), destroy: () => dispatcher.destroy() };
}
