import type { RespondArguments, webApi } from '@slack/bolt';
import { SlackResponseInvalidError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { MessagePayload } from '../messages/kit.js';

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

/** Posts a message to a response_url: Bolt's `respond`, or {@link responder} for a kept URL. */
export type SendFn = (message: RespondArguments) => Promise<unknown>;

export interface Recipient {
  readonly userId: string;
  /** The response_url of the request at hand, or one kept from the command that started it. */
  readonly respond?: SendFn | undefined;
  /** A conversation to show an ephemeral message in, when there is no response_url. */
  readonly channel?: string | undefined;
}

/**
 * A {@link SendFn} for a response_url the app kept (in private_metadata) after the request that
 * brought it was answered, posted with `fetch` (the app's time-bounded one): a response_url takes
 * no token.
 * @see https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export function responder(url: string, fetch: webApi.FetchFunction): SendFn {
  return async (message) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
    });
    if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
  };
}

/**
 * Tells one person something only they should see, by the first way that works: the
 * response_url (an ephemeral reply where they are), an ephemeral message in `channel`, or a
 * direct message. Each failed way is logged. Resolves to whether one worked; never throws, since
 * it is how a failure is reported and the failure itself is what the caller goes on to report.
 */
export async function tellUser(
  client: webApi.WebClient,
  { userId, respond, channel }: Recipient,
  message: MessagePayload,
  logger: Logger,
): Promise<boolean> {
  const ways: [string, () => Promise<unknown>][] = [];
  if (respond) {
    ways.push([
      'response_url',
      () => respond({ response_type: 'ephemeral', replace_original: false, ...message }),
    ]);
  }
  if (channel) {
    ways.push([
      'ephemeral',
      () => client.chat.postEphemeral({ channel, user: userId, ...message }),
    ]);
  }
  ways.push([
    'direct message',
    async () =>
      client.chat.postMessage({ channel: await openDirectMessage(client, userId), ...message }),
  ]);
  for (const [via, send] of ways) {
    try {
      await send();
      logger.info({ via }, 'told the person');
      return true;
    } catch (error) {
      logger.warn(
        { via, reason: error instanceof Error ? error.message : String(error) },
        'could not tell the person this way',
      );
    }
  }
  return false;
}
