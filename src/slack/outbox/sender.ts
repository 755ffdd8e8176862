import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import type { Advice, Advisor } from '../../core/index.js';
import type { Logger } from '../../logger.js';
import type { Outbox, OutboxEntry } from '../../storage/index.js';
import type { AdviceDelivery } from '../delivery/deliver.js';
import type { PostedDestination } from '../delivery/destination.js';
import { tellUser } from '../delivery/tell-user.js';
import { backoffMs } from './backoff.js';
import { postedLateNotice } from './notices.js';
import { fromPayload, type KeptAdvice, toPayload } from './payload.js';
import { describeFailure, slackUnreachable } from './unreachable.js';

/** The log lines' codes: advice posted late, still waiting, lost at the deadline. */
export const OUTBOX_DELIVERED = 'chip_advice_outbox_delivered';
export const OUTBOX_RETRYING = 'chip_advice_outbox_retrying';
export const OUTBOX_LOST = 'chip_advice_outbox_lost';

export interface SenderParts {
  readonly outbox: Outbox;
  readonly delivery: AdviceDelivery;
  readonly advisor: Advisor;
  /** The client with the bot token of the entry's workspace; undefined when it is gone. */
  readonly clientFor: (entry: OutboxEntry) => Promise<webApi.WebClient | undefined>;
  readonly logger: Logger;
  /** Called for each advice posted from the outbox (writes its decision record). */
  readonly onDelivered: (advice: Advice, posted: PostedDestination, entry: OutboxEntry) => void;
  readonly pollMs: number;
  readonly firstRetryMs: number;
  readonly maxRetryMs: number;
  readonly leaseMs: number;
  readonly batch: number;
  readonly now?: () => number;
}

type Outcome = 'posted' | 'waiting' | 'done';

/** One pass over the due entries; see {@link startSender}. Resolves with the number posted. */
export async function sendDue(parts: SenderParts, owner: string): Promise<number> {
  const { outbox, logger, now = Date.now } = parts;
  const due = await outbox.claimDue(owner, parts.leaseMs, parts.batch);
  let posted = 0;
  for (const [i, entry] of due.entries()) {
    const outcome = await sendOne(parts, owner, entry).catch((error: unknown) => {
      logger.error({ err: error, outboxId: entry.id }, 'outbox entry failed; it is tried again');
      return 'waiting' as const;
    });
    if (outcome === 'posted') posted += 1;
    if (outcome === 'waiting') {
      // Slack is still unreachable: the rest wait for the next pass instead of failing one by one.
      for (const rest of due.slice(i + 1)) {
        const nextAt = now() + backoffMs(rest.attempts, retry(parts));
        await outbox.retryLater(rest.id, owner, { nextAt, error: rest.lastError ?? 'waiting' });
      }
      break;
    }
  }
  return posted;
}

const retry = (parts: SenderParts) => ({ firstMs: parts.firstRetryMs, maxMs: parts.maxRetryMs });

async function sendOne(parts: SenderParts, owner: string, entry: OutboxEntry): Promise<Outcome> {
  const { outbox, now = Date.now } = parts;
  const logger = parts.logger.child({ outboxId: entry.id, userId: entry.userId });
  let kept: KeptAdvice;
  try {
    kept = fromPayload(entry.payload);
  } catch (error) {
    logger.error(
      { code: OUTBOX_LOST, err: error, payload: entry.payload },
      'outbox entry unreadable; dropped',
    );
    await outbox.finish(entry.id, owner);
    return 'done';
  }
  const client = await parts.clientFor(entry);
  if (!client) {
    logger.error(
      { code: OUTBOX_LOST, teamId: entry.teamId, answers: kept.answers },
      'the workspace of an outbox entry has no installation; dropped',
    );
    await outbox.finish(entry.id, owner);
    return 'done';
  }
  const advice = await parts.advisor.advise(kept.answers);
  const expired = now() >= entry.deadlineAt;
  const destination = kept.destination;
  let waiting = false;
  let posted: PostedDestination | undefined;
  try {
    posted = await parts.delivery.deliver(advice, {
      client,
      logger,
      userId: entry.userId,
      destination,
      workspace: { teamId: entry.teamId, enterpriseId: entry.enterpriseId },
      // Past the deadline there is no later: the usual notice ("Post again") goes to the person.
      keep: expired
        ? null
        : async (_advice, stopped, error) => {
            if (!slackUnreachable(error)) return false;
            const nextAt = now() + backoffMs(entry.attempts + 1, retry(parts));
            waiting = true;
            // A database that fails too leaves the row leased: it is tried again when the
            // lease runs out (progress made in this attempt is then not kept).
            await outbox
              .retryLater(entry.id, owner, {
                nextAt,
                error: describeFailure(error),
                payload: toPayload(kept.answers, stopped.destination),
              })
              .catch((dbError: unknown) => {
                logger.warn({ err: dbError }, 'could not reschedule an outbox entry');
              });
            logger.info(
              {
                code: OUTBOX_RETRYING,
                attempts: entry.attempts + 1,
                reason: describeFailure(error),
                next: new Date(nextAt).toISOString(),
              },
              'Slack still unreachable; the advice stays in the outbox',
            );
            return true;
          },
    });
  } catch (error) {
    // The person was told (with "Post again") if Slack took that; the entry is done either way.
    logger.error(
      {
        code: OUTBOX_LOST,
        err: error,
        expired,
        answers: kept.answers,
        destination,
        acceptedAt: new Date(entry.acceptedAt).toISOString(),
      },
      expired
        ? 'outbox deadline passed: the advice was not posted'
        : 'outbox entry could not be posted; the person was told',
    );
    await outbox.finish(entry.id, owner);
    return 'done';
  }
  if (waiting || !posted) return 'waiting';
  await outbox.finish(entry.id, owner);
  parts.onDelivered(advice, posted, entry);
  logger.info(
    {
      code: OUTBOX_DELIVERED,
      channel: posted.channel,
      ts: posted.summaryTs,
      waitedMs: now() - entry.acceptedAt,
    },
    'advice from the outbox posted',
  );
  const channel = kept.destination.kind === 'channel' ? posted.channel : undefined;
  await tellUser(
    client,
    { userId: entry.userId, channel },
    postedLateNotice(kept.answers, posted, entry.acceptedAt),
    logger,
  );
  return 'posted';
}

/** What /healthz shows of the outbox, as of the last pass. */
export interface OutboxHealth {
  readonly pending: number;
  /** Age of the oldest entry waiting, in seconds. */
  readonly oldestAgeSeconds: number | undefined;
  /** Whether the last pass could read the outbox. */
  readonly readable: boolean;
}

/** How often the logs repeat what is waiting while anything is. */
const PENDING_LOG_EVERY_MS = 60_000;

/**
 * Sends what is due every `pollMs` (and at once, so rows left by an earlier process are picked
 * up at start), one pass at a time, on an unref'd timer; after each pass it counts what is left
 * for /healthz and, while anything waits, says so in the logs once a minute. Returns the health
 * and how to stop (resolves once a pass in progress has finished).
 */
export function startSender(parts: SenderParts): {
  health(): OutboxHealth;
  stop(): Promise<void>;
} {
  const { now = Date.now } = parts;
  const owner = randomUUID();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> = Promise.resolve();
  let health: OutboxHealth = { pending: 0, oldestAgeSeconds: undefined, readable: true };
  let loggedAt = 0;
  const count = async () => {
    const { pending, oldestAcceptedAt } = await parts.outbox.stats();
    const age =
      oldestAcceptedAt === undefined ? undefined : Math.round((now() - oldestAcceptedAt) / 1000);
    health = { pending, oldestAgeSeconds: age, readable: true };
    if (pending > 0 && now() - loggedAt >= PENDING_LOG_EVERY_MS) {
      loggedAt = now();
      parts.logger.warn(
        { code: OUTBOX_RETRYING, pending, oldestAgeSeconds: age },
        'advice is waiting in the outbox for Slack to answer',
      );
    }
  };
  const tick = () => {
    pass = sendDue(parts, owner)
      .then(count)
      .catch((error: unknown) => {
        health = { ...health, readable: false };
        parts.logger.warn({ err: error }, 'could not read the outbox; will try again');
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, parts.pollMs).unref();
      });
  };
  tick();
  return {
    health: () => health,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
