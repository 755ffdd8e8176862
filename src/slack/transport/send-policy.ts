import { PostUnconfirmedError } from '../../errors.js';

/**
 * What may be sent to Slack again, and when (issue 12): Slack has no idempotency key for
 * chat.postMessage, so a post that went out is never sent a second time; only a request that
 * surely did not reach Slack (the connection was never made, or Slack answered 429) is.
 * @see https://docs.slack.dev/apis/web-api/rate-limits
 */

/** Web API methods whose repeat would do the work twice (a second copy of a message). */
const UNREPEATABLE = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.scheduleMessage']);

/** The Web API method a URL calls (`chat.postMessage`), or `response_url` for anything else. */
export function methodOf(url: string): string {
  const match = /\/api\/([A-Za-z]+(?:\.[A-Za-z]+)+)$/.exec(new URL(url).pathname);
  return match?.[1] ?? 'response_url';
}

export function isUnrepeatable(method: string): boolean {
  return UNREPEATABLE.has(method);
}

/** Errors that mean no connection was made, so nothing reached Slack. */
export const NOT_CONNECTED: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Whether `error` (from undici, maybe wrapped) says the request never left this process. */
export function neverSent(error: unknown): boolean {
  for (let at: unknown = error, depth = 0; at && depth < 4; depth += 1) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_CONNECTED.has(code)) return true;
    at = (at as { cause?: unknown }).cause;
  }
  return false;
}

/** The PostUnconfirmedError behind a Web API client error, if that is what it is. */
export function unconfirmedPost(error: unknown): PostUnconfirmedError | undefined {
  for (let at: unknown = error, depth = 0; at && depth < 4; depth += 1) {
    if (at instanceof PostUnconfirmedError) return at;
    const next = at as { original?: unknown; cause?: unknown };
    at = next.original ?? next.cause;
  }
  return undefined;
}

/**
 * The Web API client's retry hook (p-retry's `onFailedAttempt`, which the client passes its
 * `retryConfig` to): throwing ends the retries. A post Slack may have done is not retried.
 */
export function stopOnUnconfirmed(error: Error): void {
  if (unconfirmedPost(error)) throw error;
}
