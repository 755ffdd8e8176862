import { webApi } from '@slack/bolt';
import type { Config } from './config.js';
import type { Advisor } from './core/index.js';
import { InstallationMissingError } from './errors.js';
import type { Logger } from './logger.js';
import type { AdviceDelivery } from './slack/delivery/deliver.js';
import type { DecisionHistory } from './slack/history/index.js';
import { keepInOutbox, type OutboxHealth, startSender } from './slack/outbox/index.js';
import type { Workspaces } from './slack/workspaces/index.js';
import type { Store } from './storage/index.js';

/** How the outbox retries: defaults in {@link OUTBOX_TIMING}. */
export interface OutboxTiming {
  readonly pollMs: number;
  readonly firstRetryMs: number;
  readonly maxRetryMs: number;
  readonly leaseMs: number;
}

/**
 * A pass every 5 s; retries from 10 s, doubling to at most 5 minutes. The lease (10 minutes)
 * outlasts a pass of 10 entries even when every call runs to its time bound and retries, so
 * another replica never takes a row still being sent; it is also how long the rows of a process
 * that crashed wait before another takes them.
 */
export const OUTBOX_TIMING: OutboxTiming = {
  pollMs: 5_000,
  firstRetryMs: 10_000,
  maxRetryMs: 5 * 60_000,
  leaseMs: 10 * 60_000,
};

export interface OutboxParts {
  readonly outbox: Store['outbox'];
  readonly delivery: AdviceDelivery;
  readonly advisor: Advisor;
  readonly fetch: webApi.FetchFunction;
  readonly clientOptions: webApi.WebClientOptions;
  readonly workspaces: Workspaces | undefined;
  readonly logger: Logger;
  readonly timing?: Partial<OutboxTiming> | undefined;
}

/**
 * The outbox wired into the app (issue 12): the delivery keeps in it what Slack surely did not
 * take, and once the app has started a sender posts it, across restarts and replicas, until
 * OUTBOX_DEADLINE_HOURS. `health()` is what `/healthz` shows of it.
 */
export function appOutbox(config: Config, parts: OutboxParts) {
  const logger = parts.logger.child({ component: 'outbox' });
  const timing = { ...OUTBOX_TIMING, ...parts.timing };
  parts.delivery.keepWith(
    keepInOutbox({
      outbox: parts.outbox,
      deadlineMs: config.outboxDeadlineHours * 3_600_000,
      firstRetryMs: timing.firstRetryMs,
      fetch: parts.fetch,
      logger,
    }),
  );
  const { botToken } = config;
  const botClient =
    botToken === undefined ? undefined : new webApi.WebClient(botToken, parts.clientOptions);
  const { workspaces } = parts;
  /** The bot client of an outbox entry's workspace; undefined when it has no installation. */
  const clientFor = async (entry: {
    teamId?: string | undefined;
    enterpriseId?: string | undefined;
  }) => {
    if (botClient || !workspaces) return botClient;
    try {
      const installation = await workspaces.installationStore.fetchInstallation({
        teamId: entry.teamId,
        enterpriseId: entry.enterpriseId,
        isEnterpriseInstall: entry.teamId === undefined,
      });
      const token = installation.bot?.token;
      return token ? new webApi.WebClient(token, parts.clientOptions) : undefined;
    } catch (error) {
      // Gone (uninstalled): dropped, and logged as lost. A failing database: tried again later.
      if (error instanceof InstallationMissingError) return undefined;
      throw error;
    }
  };
  let sender: ReturnType<typeof startSender> | undefined;
  return {
    health: (): { outbox?: OutboxHealth } => (sender ? { outbox: sender.health() } : {}),
    start(history: DecisionHistory | undefined): void {
      sender = startSender({
        outbox: parts.outbox,
        delivery: parts.delivery,
        advisor: parts.advisor,
        clientFor,
        logger,
        onDelivered: (advice, posted, entry) =>
          history?.recorder.record(advice, posted, {
            teamId: entry.teamId,
            enterpriseId: entry.enterpriseId,
            userId: entry.userId,
          }),
        batch: 10,
        ...timing,
      });
    },
    /** A pass in progress finishes within `ms`; what is left stays for the next start. */
    async stop(ms: number): Promise<void> {
      const stopping = sender?.stop();
      if (!stopping) return;
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms).unref();
      });
      await Promise.race([stopping, bound]);
      clearTimeout(timer);
    },
  };
}
