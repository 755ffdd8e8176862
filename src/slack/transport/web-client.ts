import type { Logger as BoltLogger, webApi } from '@slack/bolt';
import type { Config } from '../../config.js';
import { stopOnUnconfirmed } from './send-policy.js';

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
 * config (tests point it at a local fake), the retry policy, the app's logger, and the fetch
 * that bounds the time of each HTTP request (`slackHttp`; each retry gets its own bound,
 * and a request that runs out of time is retried like a network error). Bolt's `respond` uses
 * the same fetch.
 */
export function webClientOptions(
  config: Pick<Config, 'slackApiUrl'>,
  logger: BoltLogger,
  fetch: webApi.FetchFunction,
  retryConfig: webApi.RetryOptions = DEFAULT_RETRY,
): webApi.WebClientOptions {
  // p-retry, which the client hands `retryConfig` to, ends the retries when onFailedAttempt throws:
  // a post Slack may have done is never sent again (send-policy.ts).
  const retries = { ...retryConfig, onFailedAttempt: stopOnUnconfirmed } as webApi.RetryOptions;
  return {
    slackApiUrl: config.slackApiUrl,
    retryConfig: retries,
    logger,
    fetch,
    // A 429 holds only its method (rate-holds.ts), so a post waiting out its Retry-After keeps
    // its place in the client's queue: the queue must not be what holds everyone else back.
    maxRequestConcurrency: 1000,
  };
}
