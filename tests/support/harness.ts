import { type AppDeps, type ChipAdviceApp, createApp } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import {
  commandBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  postSigned,
  type SignOptions,
  type SlackResponse,
} from '../../testkit/signed-request.js';
import { eventCallback, slashCommand } from '../../testkit/slack-payloads.js';
import { LogSink } from './log-sink.js';

export const BOT_TOKEN = 'xoxb-0000-test-bot-token';
export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** Web API retries without waits, so a test of a retry does not sleep. */
export const FAST_RETRY = { retries: 2, factor: 1, minTimeout: 0, maxTimeout: 0 };

/**
 * The real app in HTTP mode on a free port, talking to a fake Web API on 127.0.0.1, with
 * helpers that send requests signed as Slack signs them.
 */
export interface HttpHarness {
  readonly api: FakeSlackApi;
  readonly app: ChipAdviceApp;
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly logs: LogSink;
  /** Runs `/chip-advice <text>`; the response URL it carries is served by the fake. */
  command(text?: string, fields?: { channelId?: string }): Promise<SlackResponse>;
  interact(payload: unknown): Promise<SlackResponse>;
  event(event: Record<string, unknown>): Promise<SlackResponse>;
  /**
   * A round trip through the app (GET /healthz): work already under way that needs no further
   * I/O, such as logging an error after a failed call, has finished when it resolves.
   */
  settle(): Promise<void>;
  /** POSTs a raw body to /slack/events with custom signing. */
  post(body: string, contentType: string, sign?: Partial<SignOptions>): Promise<SlackResponse>;
  /** Releases what the fake holds, stops the app and the fake Web API. */
  close(): Promise<void>;
}

/**
 * Starts the harness. `env` adds to or overrides the environment the config is read from;
 * `deps` adds to or overrides what the app is built with (retry policy, timeouts...).
 */
export async function startHttpHarness(
  env: Record<string, string> = {},
  deps: AppDeps = {},
  /** A fake Web API to share with another harness (a restart); `close()` leaves it running. */
  shared?: FakeSlackApi,
): Promise<HttpHarness> {
  const api = shared ?? (await FakeSlackApi.start());
  const logs = new LogSink();
  const config = readConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: '0',
    SLACK_API_URL: api.url,
    LOG_LEVEL: 'debug',
    ...env,
  });
  const logger = createLogger({
    level: config.logLevel,
    format: 'json',
    secrets: config.secrets,
    destination: logs,
  });
  const app = createApp(config, { logger, retryConfig: FAST_RETRY, ...deps });
  const started = await app.start();
  if (started.mode !== 'http') throw new Error('expected HTTP mode');
  await started.tokenCheck;
  const origin = `http://127.0.0.1:${started.port}`;
  const post = (body: string, contentType: string, sign: Partial<SignOptions> = {}) =>
    postSigned(`${origin}/slack/events`, body, contentType, { secret: SIGNING_SECRET, ...sign });
  return {
    api,
    app,
    origin,
    logs,
    command: (text = '', fields = {}) =>
      post(commandBody(slashCommand({ text, responseUrl: api.responseUrl(), ...fields })), FORM),
    interact: (payload) => post(interactionBody(payload), FORM),
    event: (event) => post(JSON.stringify(eventCallback(event)), JSON_TYPE),
    post,
    async settle() {
      await (await fetch(`${origin}/healthz`)).text();
    },
    async close() {
      // Held calls are let go first: a request waiting on one would hold up the stop.
      if (!shared) api.reset();
      await app.stop();
      if (!shared) await api.close();
    },
  };
}
