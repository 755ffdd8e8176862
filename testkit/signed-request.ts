import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';

/**
 * Requests as Slack sends them to an app's Request URL: signed with the signing secret.
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 */

/** `v0=` + HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret, as Slack computes it. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignOptions {
  readonly secret: string;
  /** Seconds since the epoch; now by default. */
  readonly timestamp?: number;
  /** Send this signature instead of the right one; `null` sends no signature headers. */
  readonly signature?: string | null;
  /** More headers, e.g. `x-slack-retry-num` (they override the signature headers). */
  readonly headers?: Record<string, string>;
}

export interface SlackResponse {
  readonly status: number;
  readonly text: string;
  /** The body as JSON, or undefined when it is empty or not JSON. */
  readonly json: unknown;
}

export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  { secret, timestamp = Math.floor(Date.now() / 1000), signature, headers: extra }: SignOptions,
): Promise<SlackResponse> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (signature !== null) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = signature ?? slackSignature(secret, timestamp, body);
  }
  Object.assign(headers, extra);
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/** A slash command body: form fields. */
export function commandBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** An interactivity body (block_actions, view_submission, shortcuts): `payload=<json>`. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/**
 * POSTs with headers exactly as given, in order, repeats included (fetch would merge a repeated
 * header into one): for requests no Slack client sends, such as two signature headers.
 * Resolves with the status, or with the error code when the server closed the connection.
 */
export function postRawHeaders(
  url: string,
  headers: readonly (readonly [string, string])[],
  body: string,
): Promise<{ status: number | string }> {
  return new Promise((resolve) => {
    const request = httpRequest(url, { method: 'POST' }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
    });
    const grouped = new Map<string, string[]>();
    for (const [name, value] of headers) grouped.set(name, [...(grouped.get(name) ?? []), value]);
    // An array value is sent as one header line per element, under the name as written.
    for (const [name, values] of grouped)
      request.setHeader(name, values.length === 1 ? (values[0] ?? '') : values);
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: error.code ?? 'error' }),
    );
    request.end(body);
  });
}
