import type { Server, ServerResponse } from 'node:http';
import {
  type Logger as BoltLogger,
  defaultProcessEventErrorHandler,
  HTTPModuleFunctions,
  HTTPReceiver,
  type HTTPReceiverOptions,
  type Receiver,
  type ReceiverProcessEventErrorHandlerArgs,
  SocketModeReceiver,
  type SocketModeReceiverProcessEventErrorHandlerArgs,
  type webApi,
} from '@slack/bolt';
import type { Config } from '../../config.js';
import { PayloadInvalidError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { BODY_LIMIT_BYTES, guardRequests } from './request-guard.js';

/** Where Slack sends slash commands, interactivity and events in HTTP mode (manifest.yml). */
export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

/** `/healthz`: 200 with `status: ok`, and whatever `extra` reports (the outbox's state). */
function health(extra: (() => Record<string, unknown>) | undefined) {
  return (_request: unknown, response: ServerResponse): void => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: 'ok', ...extra?.() }));
  };
}

/** What turns on Bolt's OAuth (InstallProvider) in the HTTP receiver: multi-workspace mode. */
export type OAuthOptions = Pick<
  HTTPReceiverOptions,
  'clientId' | 'clientSecret' | 'stateSecret' | 'scopes' | 'installationStore' | 'installerOptions'
>;

export interface ReceiverParts {
  readonly boltLogger: BoltLogger;
  readonly logger: Logger;
  readonly clientOptions: webApi.WebClientOptions;
  /** True once the app is stopping (the ack gate's state): HTTP requests then get 503. */
  readonly isClosing: () => boolean;
  /** Socket Mode: how long to wait for a pong, and the base of the reconnect delay. */
  readonly clientPingTimeoutMs?: number;
  /** HTTP mode: multi-workspace mode's install page and OAuth redirect (workspaces/). */
  readonly oauth?: OAuthOptions;
  /** HTTP mode: more for `/healthz` to show (the outbox: pending advice and its age). */
  readonly health?: () => Record<string, unknown>;
}

/** A body the ack gate refused is the client's fault: 400, not Bolt's default 500. */
async function httpEventError(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (!(args.error instanceof PayloadInvalidError)) {
    return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
  }
  args.logger.warn(`refused a malformed request body: ${args.error.problems.join('; ')}`);
  HTTPModuleFunctions.buildNoBodyResponse(args.response, 400);
  return false;
}

/** Over Socket Mode a malformed envelope is acknowledged, so Slack does not send it again. */
async function socketEventError(args: SocketModeReceiverProcessEventErrorHandlerArgs) {
  if (!(args.error instanceof PayloadInvalidError)) return defaultProcessEventErrorHandler(args);
  args.logger.warn(`acknowledged a malformed envelope: ${args.error.problems.join('; ')}`);
  return true;
}

/**
 * Bolt's own receivers, chosen by the config: Socket Mode when an app-level token is set,
 * otherwise HTTP on `port`, behind {@link guardRequests} (503 while stopping, 413 over 1 MiB, 401
 * for anything unsigned, wrongly signed, stale or future-stamped, checked before the body is
 * parsed, 400 for bodies that are not objects), and
 * `GET /healthz` answers 200 once listening. Both hand their events to the app's
 * `processEvent`, where the ack gate stands (ack-gate.ts), and its refusals to the error handlers
 * above.
 * @see https://docs.slack.dev/tools/bolt-js/concepts/socket-mode
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export function createReceiver(mode: Config['mode'], parts: ReceiverParts): Receiver {
  const { boltLogger: logger, clientOptions } = parts;
  if (mode.kind === 'socket') {
    return new SocketModeReceiver({
      appToken: mode.appToken,
      logger,
      ...(parts.clientPingTimeoutMs ? { clientPingTimeout: parts.clientPingTimeoutMs } : {}),
      // The Socket Mode client calls apps.connections.open through its own WebClient.
      installerOptions: { clientOptions: { ...clientOptions } },
      processEventErrorHandler: socketEventError,
    });
  }
  const receiver = new HTTPReceiver({
    signingSecret: mode.signingSecret,
    endpoints: EVENTS_PATH,
    port: mode.port,
    logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // guardRequests verifies every request to EVENTS_PATH before its body is parsed; Bolt would
    // parse first and verify again.
    signatureVerification: false,
    customRoutes: [{ path: HEALTH_PATH, method: 'GET', handler: health(parts.health) }],
    processEventErrorHandler: httpEventError,
    ...parts.oauth,
  });
  receiver.requestListener = guardRequests(receiver.requestListener, {
    endpoint: EVENTS_PATH,
    signingSecret: mode.signingSecret,
    logger: parts.logger.child({ component: 'request-guard' }),
    isClosing: parts.isClosing,
  });
  return receiver;
}

/**
 * Ends every connection the HTTP receiver still holds, once the requests in flight are done.
 * `server.close()` waits for each open connection, and Node counts as busy a client that connected
 * and sent nothing, or sent half a request: one silent keep-alive client would hold the stop until
 * the shutdown bound (exit 1). What remains after the drain carries no accepted work. Socket Mode
 * has no server: nothing to do.
 */
export function closeConnections(receiver: Receiver): void {
  // HTTPReceiver keeps its server in a field its types call private.
  const server = (receiver as { server?: Server }).server;
  server?.closeAllConnections();
}
