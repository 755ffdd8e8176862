#!/usr/bin/env node
/**
 * `npm start`: reads the config, opens the store (DATABASE_URL), builds the app, starts it. A bad
 * config, a database that cannot be opened or is newer than the code, a bad rule file or a failed
 * start stops with one line per problem on standard error and exit code 1, never a stack trace.
 * SIGTERM or SIGINT stops it: no new requests, those in flight finish, exit code 0 (or 1 when
 * they outlast SHUTDOWN_TIMEOUT_MS); the store is closed after them.
 */
import { type ChipAdviceApp, createApp, type Started } from './app.js';
import { type Config, readConfig } from './config.js';
import { isCodedError } from './core/index.js';
import { ConfigInvalidError } from './errors.js';
import { createLogger } from './logger.js';
import { slackErrorOf } from './slack/transport/slack-error.js';
import { openStore, type Store } from './storage/index.js';

function fail(lines: readonly string[]): void {
  process.stderr.write(lines.map((line) => `chip-advice: ${line}\n`).join(''));
  process.exitCode = 1;
}

/** A failed start in words that say what to fix. */
function describeStartError(error: unknown, config: Config): string {
  const code = (error as { code?: unknown }).code;
  const slackError = slackErrorOf(error);
  if (config.mode.kind === 'socket' && slackError) {
    return `SLACK_APP_TOKEN was rejected by Slack (${slackError}): generate an app-level token with the connections:write scope under Basic Information → App-Level Tokens`;
  }
  if (code === 'EADDRINUSE' && config.mode.kind === 'http') {
    return `PORT ${config.mode.port} is already in use: stop the other process or set PORT to a free port`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `cannot start: ${message}${typeof code === 'string' ? ` (${code})` : ''}`;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigInvalidError) return fail(error.problems);
    throw error;
  }
  const logger = createLogger({
    level: config.logLevel,
    format: config.logFormat,
    secrets: config.secrets,
  });
  let store: Store;
  try {
    store = await openStore({
      database: config.database,
      logger: logger.child({ component: 'store' }),
    });
  } catch (error) {
    // Each names DATABASE_URL and what to check (unreachable, not a database, too new...).
    if (isCodedError(error)) return fail([`cannot start: ${error.message}`]);
    throw error;
  }
  logger.info({ engine: store.engine, database: store.described }, 'store opened');
  const closeStore = () =>
    store.close().catch((error: unknown) => {
      logger.warn({ err: error }, 'could not close the store cleanly');
    });
  let app: ChipAdviceApp;
  try {
    app = createApp(config, { logger, store });
  } catch (error) {
    await closeStore();
    if (isCodedError(error)) return fail([`cannot start: ${error.message}`]);
    throw error;
  }
  // Handlers first: until one is installed, SIGTERM or SIGINT ends the process on the spot,
  // without the drain (a supervisor's stop right after "listening" would kill a half-post).
  let starting: Promise<Started> = new Promise(() => undefined);
  // Stop taking requests, let those in flight post their advice, then exit; a request that
  // outlives the bound is given up on (exit code 1), so the process never hangs.
  let stopping = false;
  const shutdown = (signal: string) => {
    // A second signal (npm and the terminal may both pass on one Ctrl-C) joins the stop under way.
    if (stopping) {
      logger.info({ signal }, 'already stopping');
      return;
    }
    stopping = true;
    logger.info(
      { signal, boundMs: config.shutdownTimeoutMs },
      'stopping: finishing requests in flight',
    );
    // Closing the server waits for open connections; a stuck one must not hold the exit either.
    setTimeout(() => {
      fail([`did not stop within ${config.shutdownTimeoutMs} ms (SHUTDOWN_TIMEOUT_MS) plus 5 s`]);
      process.exit(1);
    }, config.shutdownTimeoutMs + 5_000).unref();
    // A signal during the start stops once the start is over (it may have failed and exited).
    starting
      .catch(() => undefined)
      .then(() => app.stop())
      .then(
        async ({ drained, inFlight }) => {
          await closeStore();
          if (drained) {
            logger.info('stopped');
            process.exit(0);
          }
          fail([
            `stopped after ${config.shutdownTimeoutMs} ms (SHUTDOWN_TIMEOUT_MS) with ${inFlight} request(s) still in flight`,
          ]);
          process.exit(1);
        },
        async (error: unknown) => {
          await closeStore();
          fail([
            `could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`,
          ]);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  let started: Started;
  try {
    starting = app.start();
    started = await starting;
  } catch (error) {
    fail([describeStartError(error, config)]);
    await closeStore();
    // Socket Mode may have left reconnect timers behind; nothing is left worth waiting for.
    process.exit();
  }
  const routes = config.oauth
    ? 'POST /slack/events, GET /slack/install, GET /slack/oauth_redirect, GET /healthz'
    : 'POST /slack/events, GET /healthz';
  logger.info(
    started.mode === 'http'
      ? { mode: 'http', port: started.port, workspaces: config.oauth ? 'many' : 'one' }
      : { mode: 'socket' },
    started.mode === 'http'
      ? `listening on port ${started.port} (${routes})`
      : 'connected to Slack in Socket Mode',
  );
}

main().catch((error: unknown) => {
  fail([`internal error: ${error instanceof Error ? error.message : String(error)}`]);
});
