import type { webApi } from '@slack/bolt';
import type { Advice } from '../../core/index.js';
import { DeliveryFailedError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { channelUnreachable } from '../transport/slack-error.js';
import { channelFallbackNote, notDeliveredNotice } from './notices.js';
import {
  type Delivered,
  deliverAdvice,
  openDirectMessage,
  ReasoningNotPostedError,
} from './post-advice.js';
import { encodeRetry } from './retry-value.js';
import type { MetadataSigner, Origin } from './signed-metadata.js';
import { responder, type SendFn, tellUser } from './tell-user.js';

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
 *   the answers, and {@link DeliveryFailedError} is thrown for the global handler to log. When
 *   the summary went out but its reasoning did not, the notice says so and "Post again" adds only
 *   the reasoning, to the summary's thread.
 */
export async function deliverSafely(
  client: webApi.WebClient,
  delivery: SafeDelivery,
  deps: SafeDeliveryDeps,
): Promise<SafelyDelivered> {
  try {
    return await deliverOrFallBack(client, delivery, deps.logger);
  } catch (error) {
    if (!(error instanceof ReasoningNotPostedError)) return giveUp(client, delivery, deps, error);
    // Only the reasoning is left: "Post again" adds it to the summary's thread.
    const { channel, ts, threadTs } = error.posted;
    const target = { kind: 'channel', channel, threadTs, summaryTs: ts } as const;
    const rest = { ...delivery, origin: { ...delivery.origin, target } };
    return giveUp(client, rest, deps, error.cause);
  }
}

/** Where the person asked; by direct message when the bot cannot post there. */
async function deliverOrFallBack(
  client: webApi.WebClient,
  { advice, userId, origin }: SafeDelivery,
  logger: Logger,
): Promise<SafelyDelivered> {
  try {
    return await deliverAdvice(client, { advice, userId, target: origin.target });
  } catch (error) {
    const refused = channelUnreachable(error);
    if (!refused || origin.target.kind !== 'channel') throw error;
    const { channel } = origin.target;
    logger.warn(
      { channel, slackError: refused },
      'cannot post in the channel; sending the advice by direct message',
    );
    const dm = await openDirectMessage(client, userId);
    await client.chat.postMessage({ channel: dm, ...channelFallbackNote(channel, refused) });
    const target = { kind: 'channel', channel: dm } as const;
    return { ...(await deliverAdvice(client, { advice, userId, target })), fallback: refused };
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
  const summaryPosted = origin.target.kind === 'channel' && origin.target.summaryTs !== undefined;
  const notice = notDeliveredNotice(advice.answers, retry, { summaryPosted });
  await tellUser(client, { userId, respond: respond ?? kept }, notice, logger);
  const destination = origin.target.kind === 'channel' ? origin.target.channel : 'dm';
  throw new DeliveryFailedError(destination, { cause: error });
}
