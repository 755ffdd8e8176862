import type { webApi } from '@slack/bolt';
import type { Advice } from '../../core/index.js';
import { SlackResponseInvalidError } from '../../errors.js';
import { reasoningMessage } from '../messages/reasoning-message.js';
import { summaryMessage } from '../messages/summary-message.js';
import type { Target } from './destination.js';

export interface Delivery {
  readonly advice: Advice;
  /** Who asked: named in the summary, and the recipient when the target is a DM. */
  readonly userId: string;
  readonly target: Target;
}

export interface Delivered {
  readonly channel: string;
  /** The summary message. */
  readonly ts: string;
  /** The thread the reasoning went into. */
  readonly threadTs: string;
}

/**
 * The direct message channel with a person (the App Home tab has no channel of its own).
 * @see https://docs.slack.dev/reference/methods/conversations.open
 */
export async function openDirectMessage(client: webApi.WebClient, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (!id) throw new SlackResponseInvalidError('conversations.open', 'channel.id');
  return id;
}

/**
 * The summary was posted but the reasoning was not: `posted` says where the summary is, so a
 * retry adds only the reasoning to its thread instead of posting a second summary.
 */
export class ReasoningNotPostedError extends Error {
  override readonly name = 'ReasoningNotPostedError';

  constructor(
    readonly posted: Delivered,
    options: ErrorOptions,
  ) {
    super(`the summary is posted in ${posted.channel}, but not its reasoning`, options);
  }
}

/**
 * Posts the advice: the summary where it was asked for, then the full reasoning in the
 * summary's thread (or, when the summary itself is a thread reply, in that same thread). A
 * target whose summary is already posted gets only the reasoning. Every message carries its
 * answers in its buttons, so nothing depends on app state. Throws
 * {@link ReasoningNotPostedError} when only the summary went out.
 */
export async function deliverAdvice(
  client: webApi.WebClient,
  { advice, userId, target }: Delivery,
): Promise<Delivered> {
  if (target.kind === 'channel' && target.summaryTs) {
    const threadTs = target.threadTs ?? target.summaryTs;
    await postReasoning(client, advice, target.channel, threadTs);
    return { channel: target.channel, ts: target.summaryTs, threadTs };
  }
  const channel = target.kind === 'dm' ? await openDirectMessage(client, userId) : target.channel;
  const inThread = target.kind === 'channel' ? target.threadTs : undefined;
  const summary = await client.chat.postMessage({
    channel,
    ...(inThread ? { thread_ts: inThread } : {}),
    ...summaryMessage(advice, userId),
    unfurl_links: false,
  });
  if (!summary.ts) throw new SlackResponseInvalidError('chat.postMessage', 'ts');
  const posted = {
    channel: summary.channel ?? channel,
    ts: summary.ts,
    threadTs: inThread ?? summary.ts,
  };
  try {
    await postReasoning(client, advice, posted.channel, posted.threadTs);
  } catch (error) {
    throw new ReasoningNotPostedError(posted, { cause: error });
  }
  return posted;
}

async function postReasoning(
  client: webApi.WebClient,
  advice: Advice,
  channel: string,
  threadTs: string,
): Promise<void> {
  await client.chat.postMessage({
    channel,
    thread_ts: threadTs,
    ...reasoningMessage(advice),
    unfurl_links: false,
  });
}
