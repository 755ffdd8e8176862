import { setTimeout as sleep } from 'node:timers/promises';
import type { AppDeps } from '../../src/app.js';
import type { Decision, Store } from '../../src/storage/index.js';
import type { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import { CHANNEL } from '../../testkit/slack-payloads.js';
import { type HttpHarness, startHttpHarness } from './harness.js';

/** The fake Web API's workspace, where every test request comes from. */
export const TEAM_ID = 'T0FAKE';

/** The real app in HTTP mode over `store`, with short record retries. */
export function startWithStore(
  store: Store,
  env: Record<string, string> = {},
  deps: AppDeps = {},
  api?: FakeSlackApi,
): Promise<HttpHarness> {
  return startHttpHarness(
    env,
    { store, records: { firstDelayMs: 20, maxDelayMs: 200 }, ...deps },
    api,
  );
}

/** Waits until the channel holds `count` records (the app writes them after delivering). */
export async function recordsIn(
  store: Store,
  count: number,
  channel = CHANNEL.id,
  timeoutMs = 8000,
): Promise<readonly Decision[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { decisions } = await store.decisions.recentInChannel(TEAM_ID, channel, { limit: 100 });
    if (decisions.length >= count || Date.now() > deadline) return decisions;
    await sleep(20);
  }
}
