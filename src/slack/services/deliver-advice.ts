import type { webApi } from '@slack/bolt';
import type { Advice } from '../../core/index.js';
import { SlackResponseInvalidError } from '../../errors.js';
import { reasoningMessage } from '../blocks/reasoning-message.js';
import { summaryMessage } from '../blocks/summary-message.js';
import type { Target } from '../payloads/target.js';

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
 * Posts the advice: the summary where it was asked for, then the full reasoning in the
 * summary's thread (or, when the summary itself is a thread reply, in that same thread).
 * Every message carries its answers in its buttons, so nothing depends on app state.
 */
export async function deliverAdvice(
  client: webApi.WebClient,
  { advice, userId, target }: Delivery,
): Promise<Delivered> {
  const channel = target.kind === 'dm' ? await openDirectMessage(client, userId) : target.channel;
  const inThread = target.kind === 'channel' ? target.threadTs : undefined;
  const summary = await client.chat.postMessage({
    channel,
    ...(inThread ? { thread_ts: inThread } : {}),
    ...summaryMessage(advice, userId),
    unfurl_links: false,
  });
  if (!summary.ts) throw new SlackResponseInvalidError('chat.postMessage', 'ts');
  const postedIn = summary.channel ?? channel;
  const threadTs = inThread ?? summary.ts;
  await client.chat.postMessage({
    channel: postedIn,
    thread_ts: threadTs,
    ...reasoningMessage(advice),
    unfurl_links: false,
  });
  return { channel: postedIn, ts: summary.ts, threadTs };
}
