import { type AppDeps, type ChipAdviceApp, createApp } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import { FakeSocketMode } from './fake-socket-mode.js';
import { BOT_TOKEN, FAST_RETRY } from './harness.js';
import { LogSink } from './log-sink.js';

export const APP_TOKEN = 'xapp-1-A0CHIPADVICE-0000-test-app-token';

/**
 * The real app in Socket Mode, built but not started (tests start it), against a fake Web API
 * whose apps.connections.open hands out the URL of a local Socket Mode server, for the app-level
 * token only. A test may answer apps.connections.open its own way before starting the app.
 */
export interface SocketHarness {
  readonly api: FakeSlackApi;
  readonly socket: FakeSocketMode;
  readonly app: ChipAdviceApp;
  readonly logs: LogSink;
  /** Stops the app, the Socket Mode server and the fake Web API. */
  close(): Promise<void>;
}

export async function startSocketHarness(deps: AppDeps = {}): Promise<SocketHarness> {
  const api = await FakeSlackApi.start();
  const socket = await FakeSocketMode.start();
  api.respond('apps.connections.open', (_params, call) =>
    call.token === APP_TOKEN ? { ok: true, url: socket.url } : { ok: false, error: 'invalid_auth' },
  );
  const logs = new LogSink();
  const config = readConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: api.url,
    LOG_LEVEL: 'debug',
  });
  const logger = createLogger({
    level: 'debug',
    format: 'json',
    secrets: config.secrets,
    destination: logs,
  });
  const app = createApp(config, { logger, retryConfig: FAST_RETRY, ...deps });
  return {
    api,
    socket,
    app,
    logs,
    async close() {
      await app.stop();
      await socket.close();
      await api.close();
    },
  };
}
