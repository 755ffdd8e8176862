import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type BufferedIncomingMessage, HTTPModuleFunctions, verifySlackRequest } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/** Slack's payloads are a few kilobytes; a modal's state stays far below this. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The content type Bolt parses as a form (it compares the whole header, exactly). */
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Slack's window for `X-Slack-Request-Timestamp`, both ways. */
const WINDOW_SECONDS = 5 * 60;

export interface GuardOptions {
  readonly endpoint: string;
  readonly signingSecret: string;
  readonly logger: Logger;
  /** True once the app is shutting down: every request then gets 503. */
  readonly isClosing: () => boolean;
  readonly bodyLimit?: number;
  readonly now?: () => number;
}

type Verdict =
  | { readonly pass: true }
  | { readonly pass: false; readonly status: number; readonly unread?: true };

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The path of a request target; undefined when it is not a URL at all (Bolt would throw on it). */
function pathOf(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

/** A form field name that is, or may decode to, `payload` (percent escapes can spell it). */
const MAYBE_PAYLOAD = /(?:^|&)[^=&]*(?:payload|%)/;

/**
 * Whether Bolt will surely parse `raw` into an object: a form (a slash command's) with no field
 * that is, or may decode to, `payload`, whose value Bolt would parse as JSON. Checked without
 * parsing the form, which Bolt does next.
 */
function isPlainForm(contentType: string | undefined, raw: Buffer): boolean {
  return contentType === FORM_TYPE && !MAYBE_PAYLOAD.test(raw.toString('latin1'));
}

/**
 * Answers with no body. The connection is closed only when the request body was not read, or
 * the app is stopping; otherwise the client may keep using it, as Slack does.
 */
function refuse(response: ServerResponse, status: number, close: boolean): void {
  if (response.headersSent) return;
  response.writeHead(status, close ? { connection: 'close' } : {});
  response.end();
}

/**
 * In front of Bolt's HTTPReceiver, in this order:
 * - a shutting-down app answers 503 (keep-alive connections included);
 * - bodies over the limit get 413 before they are read or parsed;
 * - a timestamp more than 5 minutes in the future gets 401 (Bolt only refuses old ones);
 * - the signature is verified, before anything parses the body: unsigned, wrongly signed or
 *   stale requests get 401. This is the only check (the receiver is built with
 *   `signatureVerification: false`), made with Bolt's own verifier; nothing here computes an HMAC;
 * - a signed body that Bolt would parse into something other than an object (JSON `null`, a
 *   number, a list) or not parse at all gets 400 (Bolt reads `body.ssl_check` on it and throws
 *   outside any handler: no response, an unhandled rejection).
 * Everything else goes to Bolt, which parses and handles it.
 */
export function guardRequests(next: RequestListener, options: GuardOptions): RequestListener {
  const limit = options.bodyLimit ?? BODY_LIMIT_BYTES;
  const now = options.now ?? Date.now;

  async function check(request: IncomingMessage): Promise<Verdict> {
    let buffered: BufferedIncomingMessage;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(request, limit);
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
      options.logger.warn({ limit }, tooLarge ? 'request body too large' : 'unreadable body');
      return { pass: false, status: tooLarge ? 413 : 400, unread: true };
    }
    const timestamp = Number(single(request.headers['x-slack-request-timestamp']));
    if (timestamp > Math.floor(now() / 1000) + WINDOW_SECONDS) {
      options.logger.warn('request timestamp is more than 5 minutes in the future');
      return { pass: false, status: 401 };
    }
    // The signature first: nothing from an unverified sender is parsed (a 1 MB JSON body costs
    // several times the CPU of checking its HMAC).
    try {
      verifySlackRequest({
        signingSecret: options.signingSecret,
        body: buffered.rawBody.toString(),
        headers: {
          'x-slack-signature': single(request.headers['x-slack-signature']) ?? '',
          'x-slack-request-timestamp': timestamp,
        },
        nowMilliseconds: now(),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      options.logger.warn({ reason }, 'request refused: not signed by Slack');
      return { pass: false, status: 401 };
    }
    if (isPlainForm(request.headers['content-type'], buffered.rawBody)) return { pass: true };
    let body: unknown;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch {
      body = undefined;
    }
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return { pass: true };
    options.logger.warn('signed request whose body is not a JSON object; refused');
    return { pass: false, status: 400 };
  }

  return (request, response) => {
    if (options.isClosing()) return refuse(response, 503, true);
    // Read like Bolt reads it (`//host/slack/events` is the endpoint too); parsed only when needed.
    const path = request.url === options.endpoint ? request.url : pathOf(request.url);
    if (path === undefined) return refuse(response, 400, true);
    if (request.method !== 'POST' || path !== options.endpoint) return next(request, response);
    check(request)
      .then((verdict) =>
        verdict.pass
          ? next(request, response)
          : refuse(response, verdict.status, verdict.unread === true),
      )
      .catch((error: unknown) => {
        options.logger.error({ err: error }, 'request guard failed');
        refuse(response, 400, true);
      });
  };
}
