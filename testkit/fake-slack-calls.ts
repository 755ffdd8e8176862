import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** What the fake Web API records and how it can be told to misbehave (fake-slack-api.ts). */

export interface ApiCall {
  /** Web API method ("chat.postMessage"), or `response_url` for a POST to a response URL. */
  readonly method: string;
  readonly path: string;
  /** Form fields with JSON values (view, blocks) decoded; a JSON body as it is. */
  readonly params: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
  /** The bearer token the call was made with, if any. */
  readonly token: string | undefined;
  /**
   * What the fake answered. Status 0: the call was held ({@link FakeSlackApi.hold}) and the
   * client had gone (timed out) by the time it was released, so nothing was done or answered.
   */
  readonly response: { readonly status: number; readonly body: unknown };
  /** `Date.now()` when the request arrived. */
  readonly at: number;
}

/** Calls to a method that the fake holds without answering, until released. */
export interface Hold {
  /** How many calls have arrived at the hold so far. */
  readonly arrivals: number;
  /** Resolves once `count` calls have arrived; rejects after `timeoutMs` (a hang guard). */
  arrived(count?: number, timeoutMs?: number): Promise<void>;
  /** Answers the held calls as usual (if their client is still there) and ends the hold. */
  release(): void;
}

export interface Failure {
  /** Answer `{ ok: false, error }` with HTTP 200, as Slack does for platform errors. */
  readonly error?: string;
  /** Answer with this HTTP status instead (500, 503, 429...). */
  readonly status?: number;
  /** Seconds for the Retry-After header (with status 429 unless another status is given). */
  readonly retryAfter?: number;
  /** How many calls fail before the method works again; every call when absent. */
  readonly times?: number;
  /** How many calls are answered as usual before the failures start (none by default). */
  readonly after?: number;
  /**
   * The body of an HTTP `status` failure (a text by default), e.g. what a failing proxy says;
   * for an `error` failure, more fields of the `{ ok: false, error }` answer.
   */
  readonly body?: unknown;
}

export type Responder = (
  params: Record<string, unknown>,
  call: Omit<ApiCall, 'response'>,
) => unknown;

export interface HeldMethod {
  remaining: number;
  arrivals: number;
  readonly waiting: (() => void)[];
  /** Send the status line, headers and the first byte of the body before holding. */
  readonly afterHeaders: boolean;
}

export interface ArmedFailure {
  readonly failure: Failure;
  remaining: number;
  /** Calls still to answer as usual before failing. */
  passing: number;
}

/** The whole body of a request, as text. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Form fields, JSON-decoding the values the Web API client sends as JSON (view, blocks). */
export function parseParams(
  text: string,
  contentType: string | undefined,
): Record<string, unknown> {
  if (contentType?.includes('application/json')) return text ? JSON.parse(text) : {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    params[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return params;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
