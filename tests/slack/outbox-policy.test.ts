import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/slack/outbox/backoff.js';
import { slackUnreachable } from '../../src/slack/outbox/index.js';

const wrapped = (original: unknown) => ({ code: 'slack_webapi_request_error', original });

describe('which failures the outbox keeps (Slack surely did not take the message)', () => {
  it.each([
    ['a refused connection', wrapped({ code: 'ECONNREFUSED' }), 'ECONNREFUSED'],
    [
      'a refused connection, as undici nests it',
      wrapped({ cause: { code: 'ECONNREFUSED' } }),
      'ECONNREFUSED',
    ],
    ['a name that does not resolve', wrapped({ code: 'ENOTFOUND' }), 'ENOTFOUND'],
    ['a connect timeout', wrapped({ code: 'UND_ERR_CONNECT_TIMEOUT' }), 'UND_ERR_CONNECT_TIMEOUT'],
    [
      'a 429 the fetch stopped retrying',
      wrapped({ code: 'chip_advice_still_rate_limited' }),
      'HTTP 429',
    ],
    ['a 429 the client stopped retrying', { code: 'slack_webapi_rate_limited_error' }, 'HTTP 429'],
    [
      'ok:false ratelimited',
      { code: 'slack_webapi_platform_error', data: { error: 'ratelimited' } },
      'ratelimited',
    ],
    [
      'ok:false service_unavailable',
      { data: { error: 'service_unavailable' } },
      'service_unavailable',
    ],
  ])('keeps %s', (_name, error, reason) => {
    expect(slackUnreachable(error)).toBe(reason);
  });

  it.each([
    ['a 500 (the post may have landed)', { code: 'slack_webapi_http_error', statusCode: 500 }],
    ['a 502', { code: 'slack_webapi_http_error', statusCode: 502 }],
    [
      'a 503 (a proxy may answer it after the work)',
      { code: 'slack_webapi_http_error', statusCode: 503 },
    ],
    ['a 504', { code: 'slack_webapi_http_error', statusCode: 504 }],
    [
      'a timeout after the request went out',
      wrapped({ name: 'TimeoutError', code: 'UND_ERR_HEADERS_TIMEOUT' }),
    ],
    ['a reset connection', wrapped({ code: 'ECONNRESET' })],
    ['ok:false internal_error', { data: { error: 'internal_error' } }],
    ['ok:false not_in_channel', { data: { error: 'not_in_channel' } }],
    ['an answer that is not JSON', { data: { error: '<!DOCTYPE html>' } }],
    ['nothing at all', undefined],
  ])('does not keep %s', (_name, error) => {
    expect(slackUnreachable(error)).toBeUndefined();
  });
});

describe('the outbox backoff', () => {
  it('stays between half the first wait and the cap, and its bound doubles per attempt', () => {
    fc.assert(
      fc.property(
        fc.nat(100),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempts, firstMs, factor, random) => {
          const maxMs = firstMs * factor;
          const wait = backoffMs(attempts, { firstMs, maxMs }, () => random);
          expect(wait).toBeGreaterThanOrEqual(firstMs / 2);
          expect(wait).toBeLessThanOrEqual(Math.max(maxMs, firstMs / 2));
          expect(wait).toBeLessThanOrEqual(Math.max(firstMs / 2, firstMs * 2 ** attempts));
        },
      ),
    );
  });

  it('reaches the cap after enough attempts (minutes, not seconds, between late tries)', () => {
    expect(backoffMs(20, { firstMs: 10_000, maxMs: 300_000 }, () => 0.999)).toBe(299_700);
  });
});
