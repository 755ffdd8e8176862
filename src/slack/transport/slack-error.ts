/**
 * Slack's error string ("not_in_channel", "hash_conflict"...) when `error` is a Web API
 * platform error (`ok: false`); undefined for anything else (network, HTTP status, our own).
 * @see https://docs.slack.dev/tools/node-slack-sdk/web-api#handling-errors
 */
export function slackErrorOf(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Slack's answers to chat.postMessage that mean the bot cannot post in that conversation. */
const CHANNEL_UNREACHABLE = new Set(['not_in_channel', 'channel_not_found']);

/**
 * `not_in_channel` or `channel_not_found` when `error` says the bot cannot post where it was
 * asked to (it was never invited, was removed, or the channel is private to it); else undefined.
 * @see https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */
export function channelUnreachable(error: unknown): string | undefined {
  const code = slackErrorOf(error);
  return code && CHANNEL_UNREACHABLE.has(code) ? code : undefined;
}
