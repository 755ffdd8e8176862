import type { webApi } from '@slack/bolt';
import type { Advice } from '../../core/index.js';
import { DeliveryFailedError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { channelFallbackNote, notDeliveredNotice } from '../blocks/notices.js';
import { encodeRetry } from '../payloads/retry-value.js';
import { type Delivered, deliverAdvice, openDirectMessage } from '../services/deliver-advice.js';
import { responder, type SendFn, tellUser } from '../services/tell-user.js';
import { channelUnreachable } from '../slack-error.js';
import type { MetadataSigner, Origin } from './signed-metadata.js';

export interface SafeDelivery {
  readonly advice: Advice;
  readonly userId: string;
  readonly origin: Origin;
  /** The response_url of the request at hand, if any; else the one kept in `origin`. */
  readonly respond?: SendFn | undefined;
}

export interface SafeDeliveryDeps {
  readonly signer: MetadataSigner;
  readonly logger: Logger;
  /** Posts to a kept response_url (the app's time-bounded fetch). */
  readonly fetch: webApi.FetchFunction;
}

export type SafelyDelivered = Delivered & {
  /** Set when the channel refused the bot and the advice went by direct message instead. */
  readonly fallback?: string;
};

/**
 * Posts the advice so that nothing the person submitted is lost:
 * - where they asked (Web API retries cover 429 with its Retry-After, 5xx and network errors);
 * - when the bot cannot post there (`not_in_channel`, `channel_not_found`), by direct message,
 *   after a note saying how to invite it;
 * - when that fails too, or Slack keeps failing or does not answer in time, the person is told
 *   (ephemeral reply or direct message) with "Post again" and "Change answers" buttons that carry
 *   the answers, and {@link DeliveryFailedError} is thrown for the global handler to log.
 */
export async function deliverSafely(
  client: webApi.WebClient,
  delivery: SafeDelivery,
  deps: SafeDeliveryDeps,
): Promise<SafelyDelivered> {
  const { advice, userId, origin } = delivery;
  try {
    return await deliverAdvice(client, { advice, userId, target: origin.target });
  } catch (error) {
    const refused = origin.target.kind === 'channel' ? channelUnreachable(error) : undefined;
    if (!refused || origin.target.kind !== 'channel') return giveUp(client, delivery, deps, error);
    const { channel } = origin.target;
    deps.logger.warn(
      { channel, slackError: refused },
      'cannot post in the channel; sending the advice by direct message',
    );
    try {
      const dm = await openDirectMessage(client, userId);
      await client.chat.postMessage({ channel: dm, ...channelFallbackNote(channel, refused) });
      const target = { kind: 'channel', channel: dm } as const;
      return { ...(await deliverAdvice(client, { advice, userId, target })), fallback: refused };
    } catch (dmError) {
      return giveUp(client, delivery, deps, dmError);
    }
  }
}

async function giveUp(
  client: webApi.WebClient,
  { advice, userId, origin, respond }: SafeDelivery,
  { signer, logger, fetch }: SafeDeliveryDeps,
  error: unknown,
): Promise<never> {
  const retry = encodeRetry(advice.answers, signer.encode(origin, userId));
  const kept = origin.responseUrl ? responder(origin.responseUrl, fetch) : undefined;
  try {
    await tellUser(
      client,
      { userId, respond: respond ?? kept },
      notDeliveredNotice(advice.answers, retry),
      logger,
    );
  } catch {
    // Every way tried is logged by tellUser; the delivery error below is the one to report.
  }
  const destination = origin.target.kind === 'channel' ? origin.target.channel : 'dm';
  throw new DeliveryFailedError(destination, { cause: error });
}
