import type { webApi } from '@slack/bolt';
import { appOutbox, type OutboxTiming } from './app-outbox.js';
import { appStorage, closeRecords, type StorageDeps } from './app-storage.js';
import type { Config } from './config.js';
import { type Advisor, createAdvisor, loadRuleset, type Ruleset } from './core/index.js';
import { createLogger, type Logger } from './logger.js';
import type { ChipAdviceBolt } from './slack/context.js';
import { AdviceDelivery } from './slack/delivery/deliver.js';
import { MetadataSigner } from './slack/delivery/signed-metadata.js';
import { type DuplicateStore, dropDuplicates, MemoryDuplicates } from './slack/duplicates/index.js';
import { registerListeners } from './slack/listeners/index.js';
import { PinoBoltLogger } from './slack/logging/bolt-logger.js';
import { errorHandler } from './slack/logging/error-handler.js';
import { requestLogger } from './slack/logging/request-logger.js';
import { dropWaitingAdvice } from './slack/outbox/index.js';
import { AckGate, type Drained, GatedApp } from './slack/transport/ack-gate.js';
import { slackHttp } from './slack/transport/http-client.js';
import { closeConnections, createReceiver } from './slack/transport/receiver.js';
import { guardSocketMode } from './slack/transport/socket-guard.js';
import { checkBotToken } from './slack/transport/token-check.js';
import { webClientOptions } from './slack/transport/web-client.js';
import { createWorkspaces } from './slack/workspaces/index.js';
import type { Store } from './storage/index.js';

/** What the app is built from besides its config; tests inject these. */
export interface AppDeps {
  /** Defaults to the rules under `config.rulesDir` (the bundled `rules/` when unset). */
  readonly ruleset?: Ruleset;
  /** Defaults to an advisor over `ruleset`. */
  readonly advisor?: Advisor;
  /** Defaults to a logger built from the config (JSON to standard output). */
  readonly logger?: Logger;
  /** Web API retry policy; tests use one without waits. */
  readonly retryConfig?: webApi.RetryOptions;
  /** Timeout of one Web API or response_url request; defaults to `config.slackApiTimeoutMs`. */
  readonly webApiTimeoutMs?: number;
  /** How long a sent chat.postMessage waits for its answer; defaults to `config.slackPostTimeoutMs`. */
  readonly postTimeoutMs?: number;
  /**
   * This process's memory of delivery keys (commands, clicks; and every key when there is no
   * store); defaults to a bounded memory.
   */
  readonly duplicates?: DuplicateStore;
  /**
   * The database (`openStore`; main opens and closes it): decision records, duplicate-delivery
   * keys shared by every process, retention, and the installations of multi-workspace mode
   * (`config.oauth`, which needs one). Without one the app records nothing and keeps keys in
   * memory (the benchmark's baseline, most tests).
   */
  readonly store?: Pick<Store, 'decisions' | 'deliveryKeys' | 'installations'> &
    Partial<Pick<Store, 'outbox'>>;
  /** The outbox's pass interval, retry waits and lease (tests shorten them). */
  readonly outbox?: Partial<OutboxTiming>;
  /** The record writer's retry waits and queue bound (tests shorten them). */
  readonly records?: StorageDeps['records'];
  /** Longest wait for a duplicate claim in the database before it is made in memory; defaults to `config.duplicateClaimTimeoutMs`. */
  readonly claimTimeoutMs?: number;
  /** Longest wait for the database when reading history for a person (2.5 s). */
  readonly historyTimeoutMs?: number;
  /** How often old records and expired keys are pruned (hourly). */
  readonly retentionEveryMs?: number;
  /** How long `stop()` waits for requests in flight; defaults to `config.shutdownTimeoutMs`. */
  readonly shutdownTimeoutMs?: number;
  /** Socket Mode's pong timeout, also the base of its reconnect delay (default 5 s). */
  readonly clientPingTimeoutMs?: number;
}

export type Started =
  | { readonly mode: 'http'; readonly port: number; readonly tokenCheck: Promise<void> }
  | { readonly mode: 'socket'; readonly tokenCheck: Promise<void> };

export interface ChipAdviceApp {
  readonly bolt: ChipAdviceBolt;
  readonly logger: Logger;
  /** Listens (HTTP) or connects (Socket Mode); then checks the bot token in the background. */
  start(): Promise<Started>;
  /**
   * Stops taking requests (HTTP answers 503; Socket Mode leaves new envelopes to be redelivered),
   * waits for those in flight up to the shutdown bound, then closes the server or socket.
   */
  stop(): Promise<Drained>;
}

/**
 * Builds the Slack app without starting it: Bolt with the receiver the config asks for and the
 * ack gate in front of its event processing, a pino logger shared with Bolt, the request-logger
 * and duplicate-dropping middleware, the global error handler and every listener. Loading the
 * rules happens here, so a bad rule file stops the start.
 */
export function createApp(config: Config, deps: AppDeps = {}): ChipAdviceApp {
  const logger =
    deps.logger ??
    createLogger({ level: config.logLevel, format: config.logFormat, secrets: config.secrets });
  const advisor = deps.advisor ?? createAdvisor(deps.ruleset ?? loadRuleset(config.rulesDir));
  const boltLogger = new PinoBoltLogger(logger.child({ component: 'bolt' }));
  const http = slackHttp(deps.webApiTimeoutMs ?? config.slackApiTimeoutMs, {
    postTimeoutMs: deps.postTimeoutMs ?? config.slackPostTimeoutMs,
    logger: logger.child({ component: 'slack-http' }),
  });
  const clientOptions = webClientOptions(config, boltLogger, http.fetch, deps.retryConfig);
  const gate = new AckGate(logger.child({ component: 'ack-gate' }));
  if (config.oauth && !deps.store) throw new RangeError('multi-workspace mode needs deps.store');
  const workspaces =
    config.oauth && deps.store
      ? createWorkspaces(config.oauth, {
          store: deps.store,
          dropWaiting: deps.store.outbox && dropWaitingAdvice(deps.store.outbox),
          clientOptions,
          logger,
          fetch: http.fetch,
        })
      : undefined;
  const { botToken } = config;
  let outboxHealth: () => Record<string, unknown> = () => ({});
  const receiver = createReceiver(config.mode, {
    health: () => outboxHealth(),
    boltLogger,
    logger,
    clientOptions,
    isClosing: () => gate.closing,
    ...(deps.clientPingTimeoutMs ? { clientPingTimeoutMs: deps.clientPingTimeoutMs } : {}),
    ...(workspaces ? { oauth: workspaces.receiverOptions } : {}),
  });
  const bolt = new GatedApp(gate, {
    receiver,
    // One workspace, one bot token. No auth.test per request (Bolt's default runs it before the
    // first listener, eating into the 3 seconds a trigger_id lives); it runs once after start.
    // Many workspaces: Bolt authorizes each request through the receiver's InstallProvider,
    // with the token of the request's workspace from the installation store.
    ...(botToken === undefined ? {} : { authorize: async () => ({ botToken }) }),
    logger: boltLogger,
    logLevel: boltLogger.getLevel(),
    clientOptions,
    extendedErrorHandler: true,
    // No listener uses Bolt's conversation context; its default store builds an Error with a
    // stack trace for every request from a conversation it has never seen.
    convoStore: false,
  });
  const local = deps.duplicates ?? new MemoryDuplicates();
  const storage = deps.store && appStorage(config, advisor, logger, { ...deps, store: deps.store });
  const duplicates = storage?.shared ?? local;
  bolt.use(requestLogger(logger));
  bolt.use(dropDuplicates({ local, shared: duplicates }));
  bolt.error(errorHandler(logger, workspaces?.afterError));
  const signer = MetadataSigner.fromSecrets(config.secrets);
  const delivery = new AdviceDelivery({ signer, fetch: http.fetch });
  registerListeners(bolt, {
    advisor,
    signer,
    duplicates,
    delivery,
    history: storage?.history,
    portfolio: storage?.portfolio,
    workspaces: workspaces?.cleanup,
  });
  let stopRetention: (() => void) | undefined;
  const outbox =
    deps.store?.outbox &&
    appOutbox(config, {
      outbox: deps.store.outbox,
      delivery,
      advisor,
      fetch: http.fetch,
      clientOptions,
      workspaces,
      logger,
      timing: deps.outbox,
    });
  if (outbox) outboxHealth = outbox.health;

  return {
    bolt,
    logger,
    async start() {
      const started: unknown = await bolt.start();
      // Once now, in the background, then hourly (each prune after the last has finished).
      stopRetention = storage?.retention.schedule(deps.retentionEveryMs, { immediately: true });
      // After the first start, so a rejected app token still stops the start (main.ts).
      guardSocketMode(
        receiver,
        logger.child({ component: 'socket-mode' }),
        deps.clientPingTimeoutMs,
      );
      outbox?.start(storage?.history);
      // Many workspaces have no one token to check; each install checks its own (auth.test).
      const tokenCheck =
        botToken === undefined ? Promise.resolve() : checkBotToken(bolt.client, botToken, logger);
      if (config.mode.kind === 'socket') return { mode: 'socket', tokenCheck };
      const address = (started as { address(): { port: number } | string | null }).address();
      const port = typeof address === 'object' && address ? address.port : config.mode.port;
      return { mode: 'http', port, tokenCheck };
    },
    async stop() {
      const drained = await gate.close(deps.shutdownTimeoutMs ?? config.shutdownTimeoutMs);
      const stopped = bolt.stop();
      closeConnections(receiver);
      await stopped;
      stopRetention?.();
      await outbox?.stop(deps.shutdownTimeoutMs ?? config.shutdownTimeoutMs);
      // Records still waiting for the database get a last few seconds, then are logged as lost.
      await closeRecords(storage?.writer, deps.shutdownTimeoutMs ?? config.shutdownTimeoutMs);
      // Requests still in flight after the bound are abandoned, not waited for.
      await (drained.drained ? http.close() : http.destroy());
      return drained;
    },
  };
}
