import type { webApi } from '@slack/bolt';
import type { Advice } from '../../core/index.js';
import { DeliveryFailedError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { unconfirmedPost } from '../transport/send-policy.js';
import { channelUnreachable, messageRefused } from '../transport/slack-error.js';
import { type Destination, type PostedDestination, summaryPosted } from './destination.js';
import { channelFallbackNote, messageRefusedNotice, notDeliveredNotice } from './notices.js';
import { postReasoning, postSummary } from './post-advice.js';
import { encodeRetry } from './retry-value.js';
import type { MetadataSigner } from './signed-metadata.js';
import { openDirectMessage, responder, type SendFn, tellUser } from './tell-user.js';

/** Who gets the advice, where, and through which client and logger (Bolt's, per request). */
export interface DeliveryRequest {
  readonly client: webApi.WebClient;
  readonly logger: Logger;
  readonly userId: string;
  readonly destination: Destination;
  /** The response_url of the request at hand, if any; else the destination's kept one is used. */
  readonly respond?: SendFn | undefined;
  /** The workspace asked from, kept with advice put aside for later (the outbox). */
  readonly workspace?: {
    readonly teamId?: string | undefined;
    readonly enterpriseId?: string | undefined;
  };
  /** Replaces the delivery's {@link KeepForLater} for this request (`null`: none). */
  readonly keep?: KeepForLater | null;
}

/**
 * Called when posting failed, with where the work stopped: resolves true when the advice was put
 * aside to be posted later (Slack surely did not take it and could not be reached), so the
 * person is not told to press "Post again". The outbox (src/slack/outbox/) provides it.
 */
export type KeepForLater = (
  advice: Advice,
  request: DeliveryRequest,
  error: unknown,
) => Promise<boolean>;

/** How advice gets to the person who asked. Built once per app, shared by every request. */
export class AdviceDelivery {
  readonly #signer: MetadataSigner;
  /** Posts to a kept response_url (the app's time-bounded fetch). */
  readonly #fetch: webApi.FetchFunction;
  #keep: KeepForLater | undefined;

  constructor({ signer, fetch }: { signer: MetadataSigner; fetch: webApi.FetchFunction }) {
    this.#signer = signer;
    this.#fetch = fetch;
  }

  /** Sets where advice goes when Slack cannot be reached (the outbox, when there is a store). */
  keepWith(keep: KeepForLater): void {
    this.#keep = keep;
  }

  /**
   * Posts the advice (the summary, then the reasoning in its thread) so that nothing the person
   * submitted is lost, and answers with where it went:
   * - where they asked (Web API retries cover 429 with its Retry-After, 5xx and network errors);
   * - when the bot cannot post there (`not_in_channel`, `channel_not_found`), by direct message,
   *   after a note saying how to invite it;
   * - when that fails too, or Slack keeps failing or does not answer in time, the person is told
   *   (ephemeral reply or direct message) with "Post again" and "Change answers" buttons that
   *   carry the answers, and {@link DeliveryFailedError} is thrown for the global handler to log.
   *   When the summary went out but its reasoning did not, the notice says so and "Post again"
   *   adds only the reasoning, to the summary's thread.
   * - except when the {@link KeepForLater} hook keeps it (Slack unreachable): then it resolves
   *   undefined, and the advice is posted later from the outbox.
   */
  async deliver(advice: Advice, request: DeliveryRequest): Promise<PostedDestination | undefined> {
    // Where the work stands: once a summary is out, only its reasoning is left to post.
    let at: Destination = request.destination;
    const progress = (summary: PostedDestination) => {
      at = summary;
    };
    let posted: PostedDestination;
    let fallback: string | undefined;
    try {
      try {
        posted = await this.#post(advice, request, at, progress);
      } catch (error) {
        // Only a first post can fall back: once one landed in the channel, the bot can post there.
        const { destination } = request;
        const first = at === destination && destination.kind === 'channel';
        fallback = first ? channelUnreachable(error) : undefined;
        if (!fallback || destination.kind !== 'channel') throw error;
        const dm = await this.#directMessage(request, destination.channel, fallback);
        posted = await this.#post(advice, request, dm, progress);
      }
    } catch (error) {
      const stopped = { ...request, destination: at };
      const keep = request.keep === undefined ? this.#keep : request.keep;
      if (keep && (await keep(advice, stopped, error))) return undefined;
      return this.#giveUp(advice, stopped, error);
    }
    const { channel, summaryTs: ts, threadTs } = posted;
    const where = { channel, ts, threadTs, ...(fallback ? { fallback } : {}) };
    request.logger.info({ chip: advice.recommendation.chip, ...where }, 'advice delivered');
    return posted;
  }

  /** The summary (unless it is out already), then the reasoning in its thread. */
  async #post(
    advice: Advice,
    { client, userId }: DeliveryRequest,
    destination: Destination,
    progress: (summary: PostedDestination) => void,
  ): Promise<PostedDestination> {
    let posted: PostedDestination;
    if (summaryPosted(destination)) posted = destination;
    else {
      posted = await postSummary(client, advice, userId, destination);
      progress(posted);
    }
    await postReasoning(client, advice, posted);
    return posted;
  }

  /** A direct message with the person, after a note on why the advice is not in `channel`. */
  async #directMessage(
    { client, logger, userId, destination }: DeliveryRequest,
    channel: string,
    why: string,
  ): Promise<Destination> {
    logger.warn(
      { channel, slackError: why },
      'cannot post in the channel; sending the advice by direct message',
    );
    const dm = await openDirectMessage(client, userId);
    await client.chat.postMessage({ channel: dm, ...channelFallbackNote(channel, why) });
    const { responseUrl } = destination;
    return { kind: 'channel', channel: dm, ...(responseUrl ? { responseUrl } : {}) };
  }

  /**
   * Tells the person, with buttons that retry from where the work stopped; then throws. When
   * Slack refused the message itself (`invalid_blocks`...), a retry would be refused too: the
   * notice says so plainly and offers only "Change answers".
   */
  async #giveUp(advice: Advice, request: DeliveryRequest, error: unknown): Promise<never> {
    const { client, logger, userId, destination, respond } = request;
    const retry = encodeRetry(advice.answers, this.#signer.encode(destination, userId));
    const kept = destination.responseUrl
      ? responder(destination.responseUrl, this.#fetch)
      : undefined;
    const notice = messageRefused(error)
      ? messageRefusedNotice(advice.answers)
      : notDeliveredNotice(retry, {
          summaryPosted: summaryPosted(destination),
          unconfirmed: unconfirmedPost(error) !== undefined,
        });
    await tellUser(client, { userId, respond: respond ?? kept }, notice, logger);
    const where = destination.kind === 'channel' ? destination.channel : 'dm';
    throw new DeliveryFailedError(where, { cause: error });
  }
}
