/**
 * Which failures mean Slack surely did not take the message, so the advice may be kept and sent
 * again later without risking a second copy (issue 12: a post whose request went out is never
 * re-sent). Anything else (a timeout after sending, any 5xx, an answer that is not JSON,
 * `internal_error`) may have landed, and goes to the person with the notice of
 * delivery/deliver.ts instead (the send policy of transport/send-policy.ts).
 * @see https://docs.slack.dev/apis/web-api/rate-limits
 * @see https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */

import { STILL_RATE_LIMITED } from '../transport/http-client.js';
import { NOT_CONNECTED } from '../transport/send-policy.js';

/** Slack's own "not now" answers: the request was refused before any work. */
const NOT_ACCEPTED_CODES = new Set(['ratelimited', 'service_unavailable']);

/** The Web API client's code for a 429 it stopped retrying. */
const RATE_LIMITED = 'slack_webapi_rate_limited_error';

interface Inspectable {
  readonly code?: unknown;
  readonly data?: { readonly error?: unknown };
  readonly original?: unknown;
  readonly cause?: unknown;
}

/** Why `error` means Slack could not be reached (for logs), or undefined when it may have landed. */
export function slackUnreachable(error: unknown): string | undefined {
  for (let at: unknown = error, depth = 0; at && depth < 6; depth += 1) {
    const { code, data, original, cause } = at as Inspectable;
    if (typeof code === 'string' && NOT_CONNECTED.has(code)) return code;
    if (code === RATE_LIMITED || code === STILL_RATE_LIMITED) return 'HTTP 429';
    if (typeof data?.error === 'string' && NOT_ACCEPTED_CODES.has(data.error)) return data.error;
    at = original ?? cause;
  }
  return undefined;
}

/** A short description of `error` for the outbox row and the logs (no body, no token). */
export function describeFailure(error: unknown): string {
  const reason = slackUnreachable(error);
  if (reason) return reason;
  return error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
}
