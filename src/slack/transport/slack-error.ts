/**
 * What Slack's error codes look like: `not_in_channel`, `invalid_blocks`, `ratelimited`. The Web
 * API client puts the whole body there when an answer is not JSON (an HTML error page from a
 * proxy), which must never be quoted to a person or treated as a code.
 */
const ERROR_CODE = /^[a-z][a-z0-9_.]{0,63}$/;

/**
 * Slack's error code ("not_in_channel", "hash_conflict"...) when `error` is a Web API platform
 * error (`ok: false`); undefined for anything else (network, HTTP status, our own, or an answer
 * whose `error` is not a code at all, such as an HTML page).
 * @see https://docs.slack.dev/tools/node-slack-sdk/web-api#handling-errors
 */
export function slackErrorOf(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' && ERROR_CODE.test(data.error) ? data.error : undefined;
}

/**
 * Slack's answers to chat.postMessage that mean the bot can never post in that conversation,
 * however often it tries: it was never invited or was removed, the channel is private to it or
 * archived, or posting there is restricted (announcement-only or read-only channels).
 * @see https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */
const CHANNEL_UNREACHABLE = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
]);

/** The code, when `error` says the bot cannot post where it was asked to; else undefined. */
export function channelUnreachable(error: unknown): string | undefined {
  const code = slackErrorOf(error);
  return code && CHANNEL_UNREACHABLE.has(code) ? code : undefined;
}

/**
 * Slack's answers that mean the message the app built is wrong: a bug of ours, which no retry
 * and no other channel can fix.
 * @see https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */
const MESSAGE_INVALID = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_blocks_too_long',
  'msg_too_long',
  'no_text',
  'too_many_attachments',
]);

/** The code, when `error` says Slack refused the message itself; else undefined. */
export function messageRefused(error: unknown): string | undefined {
  const code = slackErrorOf(error);
  return code && MESSAGE_INVALID.has(code) ? code : undefined;
}
