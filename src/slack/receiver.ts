import type { ServerResponse } from 'node:http';
import {
  type Logger as BoltLogger,
  HTTPReceiver,
  type Receiver,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { Config } from '../config.js';

/** Where Slack sends slash commands, interactivity and events in HTTP mode (manifest.yml). */
export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

function health(_request: unknown, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ status: 'ok' }));
}

/**
 * Bolt's own receivers, chosen by the config: Socket Mode when an app-level token is set,
 * otherwise HTTP on `port`, where Bolt verifies every request's signature (401 for unsigned,
 * wrongly signed or older than 5 minutes) and `GET /healthz` answers 200 once listening.
 * @see https://docs.slack.dev/tools/bolt-js/concepts/socket-mode
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export function createReceiver(
  mode: Config['mode'],
  logger: BoltLogger,
  clientOptions: webApi.WebClientOptions,
): Receiver {
  if (mode.kind === 'socket') {
    return new SocketModeReceiver({
      appToken: mode.appToken,
      logger,
      // The Socket Mode client calls apps.connections.open through its own WebClient.
      installerOptions: { clientOptions: { ...clientOptions } },
    });
  }
  return new HTTPReceiver({
    signingSecret: mode.signingSecret,
    endpoints: EVENTS_PATH,
    port: mode.port,
    logger,
    customRoutes: [{ path: HEALTH_PATH, method: 'GET', handler: health }],
  });
}
