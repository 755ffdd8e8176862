import type { webApi } from '@slack/bolt';
import type { Advice } from '../../core/index.js';
import { SlackResponseInvalidError } from '../../errors.js';
import { reasoningMessage } from '../messages/reasoning-message.js';
import { summaryMessage } from '../messages/summary-message.js';
import type { Destination, PostedDestination } from './destination.js';
import { openDirectMessage } from './tell-user.js';

/**
 * Posts the summary where `destination` says (in its thread, if it names one; a direct message
 * with `userId` for `dm`) and answers with the destination of the rest: that channel, the
 * summary's `ts`, and the thread the reasoning goes in (the summary's own, or the thread it was
 * posted in). Every message carries its answers in its buttons, so nothing depends on app state.
 * @see https://docs.slack.dev/reference/methods/chat.postMessage
 */
export async function postSummary(
  client: webApi.WebClient,
  advice: Advice,
  userId: string,
  destination: Destination,
): Promise<PostedDestination> {
  const channel =
    destination.kind === 'dm' ? await openDirectMessage(client, userId) : destination.channel;
  const inThread = destination.kind === 'channel' ? destination.threadTs : undefined;
  const summary = await client.chat.postMessage({
    channel,
    ...(inThread ? { thread_ts: inThread } : {}),
    ...summaryMessage(advice, userId),
    unfurl_links: false,
  });
  if (!summary.ts) throw new SlackResponseInvalidError('chat.postMessage', 'ts');
  return {
    kind: 'channel',
    channel: summary.channel ?? channel,
    threadTs: inThread ?? summary.ts,
    summaryTs: summary.ts,
    ...(destination.responseUrl ? { responseUrl: destination.responseUrl } : {}),
  };
}

/** Posts the full reasoning in the thread of a posted summary. */
export async function postReasoning(
  client: webApi.WebClient,
  advice: Advice,
  { channel, threadTs, summaryTs }: PostedDestination,
): Promise<void> {
  await client.chat.postMessage({
    channel,
    thread_ts: threadTs ?? summaryTs,
    ...reasoningMessage(advice),
    unfurl_links: false,
  });
}
