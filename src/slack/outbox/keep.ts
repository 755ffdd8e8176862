import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { Outbox } from '../../storage/index.js';
import type { KeepForLater } from '../delivery/deliver.js';
import { responder, tellUser } from '../delivery/tell-user.js';
import { keptNotice } from './notices.js';
import { toPayload } from './payload.js';
import { describeFailure, slackUnreachable } from './unreachable.js';

/** The log line's code when advice is put in the outbox. */
export const OUTBOX_KEPT = 'chip_advice_outbox_kept';

export interface KeepParts {
  readonly outbox: Pick<Outbox, 'add'>;
  readonly deadlineMs: number;
  /** When the first retry from the outbox is due. */
  readonly firstRetryMs: number;
  /** Posts to a kept response_url (the app's time-bounded fetch). */
  readonly fetch: webApi.FetchFunction;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * The delivery hook of the listeners: advice that failed because Slack could not be reached
 * (nothing landed, see unreachable.ts) is written to the outbox and the person is told, if
 * Slack takes that, that it will be posted later. Anything else, or a database that fails
 * too, is left to the usual notice with "Post again" (resolves false).
 */
export function keepInOutbox(parts: KeepParts): KeepForLater {
  const { outbox, deadlineMs, firstRetryMs, now = Date.now } = parts;
  return async (advice, request, error) => {
    const reason = slackUnreachable(error);
    if (!reason) return false;
    const { destination, userId, logger } = request;
    const at = now();
    const deadlineAt = at + deadlineMs;
    let id: string;
    try {
      id = await outbox.add(
        {
          teamId: request.workspace?.teamId,
          enterpriseId: request.workspace?.enterpriseId,
          userId,
          payload: toPayload(advice.answers, destination),
          deadlineAt,
          error: describeFailure(error),
        },
        at + firstRetryMs,
      );
    } catch (dbError) {
      logger.error({ err: dbError }, 'could not keep the advice in the outbox; telling the person');
      return false;
    }
    logger.warn(
      { code: OUTBOX_KEPT, outboxId: id, reason, deadline: new Date(deadlineAt).toISOString() },
      'Slack could not be reached: the advice is kept in the outbox and will be posted when Slack answers',
    );
    const kept = destination.responseUrl
      ? responder(destination.responseUrl, parts.fetch)
      : undefined;
    await tellUser(
      request.client,
      { userId, respond: request.respond ?? kept },
      keptNotice(advice.answers, deadlineAt),
      logger,
    );
    return true;
  };
}
