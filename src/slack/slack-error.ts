/**
 * Slack's error string ("not_in_channel", "hash_conflict"...) when `error` is a Web API
 * platform error (`ok: false`); undefined for anything else (network, HTTP status, our own).
 * @see https://docs.slack.dev/tools/node-slack-sdk/web-api#handling-errors
 */
export function slackErrorOf(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
