import type { Logger as BoltLogger, webApi } from '@slack/bolt';
import type { Config } from '../config.js';

/**
 * Retries for Web API calls that fail on the network, with an HTTP 5xx, or with 429 (after the
 * Retry-After Slack sends). Kept short: a modal must open within 3 seconds of its trigger, and a
 * person is waiting for every other call too. Platform errors (`ok: false`) are never retried.
 * @see https://docs.slack.dev/tools/node-slack-sdk/web-api#automatic-retries
 */
export const DEFAULT_RETRY: webApi.RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 250,
  maxTimeout: 2000,
  randomize: true,
};

/**
 * Options for every WebClient the app and its receiver create: the API base URL from the
 * config (tests point it at a local fake), the retry policy, the timeout of one HTTP request
 * (each retry gets its own; a timed-out request is retried like a network error), and the
 * app's logger.
 */
export function webClientOptions(
  config: Pick<Config, 'slackApiUrl' | 'slackApiTimeoutMs'>,
  logger: BoltLogger,
  retryConfig: webApi.RetryOptions = DEFAULT_RETRY,
  timeoutMs: number = config.slackApiTimeoutMs,
): webApi.WebClientOptions {
  return {
    slackApiUrl: config.slackApiUrl,
    retryConfig,
    timeout: timeoutMs,
    logger,
  };
}
