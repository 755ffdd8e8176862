import { afterEach, describe, expect, vi } from 'vitest';
import { JSON_TYPE } from '../../testkit/signed-request.js';
import { test } from '../support/fixtures.js';

/**
 * The signature is checked before the body is parsed (issue 12, item 9): an unsigned flood of
 * large JSON bodies must cost an HMAC each, not a parse each. JSON.parse is watched (not
 * replaced) for the duration of one request.
 */

const LARGE = 200_000;

/** A JSON body of about 900 KB, under the 1 MiB limit. */
const bigJson = () =>
  JSON.stringify({
    type: 'url_verification',
    challenge: 'c',
    filler: Array.from({ length: 9000 }, () => 'x'.repeat(95)),
  });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a large JSON body', () => {
  test.for([
    ['unsigned', { signature: null }],
    ['wrongly signed', { secret: 'not-the-signing-secret' }],
    ['stale', { timestamp: Math.floor(Date.now() / 1000) - 600 }],
  ] as const)('%s, is refused with 401 without being parsed', async ([, sign], { harness }) => {
    const parse = vi.spyOn(JSON, 'parse');
    const response = await harness.post(bigJson(), JSON_TYPE, sign);
    const parsedLarge = parse.mock.calls.filter(([text]) => String(text).length > LARGE);
    parse.mockRestore();
    expect(response.status).toBe(401);
    expect(parsedLarge).toEqual([]);
    expect(await harness.logs.waitFor('request refused: not signed by Slack')).toBeDefined();
  });

  test('signed, is parsed (once) and handled', async ({ harness }) => {
    const parse = vi.spyOn(JSON, 'parse');
    const response = await harness.post(bigJson(), JSON_TYPE);
    const parsedLarge = parse.mock.calls.filter(([text]) => String(text).length > LARGE);
    parse.mockRestore();
    expect(response.status).toBe(200);
    expect(parsedLarge.length).toBeGreaterThanOrEqual(1);
  });
});
