import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { AppDeps } from '../../src/app.js';
import type { Decision, Store } from '../../src/storage/index.js';
import type { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import { CHANNEL } from '../../testkit/slack-payloads.js';
import { type TestDatabase, testDatabase } from '../storage/support/engines.js';
import type { HarnessOptions } from './fixtures.js';
import { type HttpHarness, startHttpHarness } from './harness.js';

/** The fake Web API's workspace, where every test request comes from. */
export const TEAM_ID = 'T0FAKE';

const RECORD_RETRIES = { firstDelayMs: 20, maxDelayMs: 200 };

/** The real app in HTTP mode over `store`, with short record retries. */
export function startWithStore(
  store: Store,
  env: Record<string, string> = {},
  deps: AppDeps = {},
  api?: FakeSlackApi,
): Promise<HttpHarness> {
  return startHttpHarness(env, { store, records: RECORD_RETRIES, ...deps }, api);
}

/** The fixtures' harness options (fixtures.ts) for the app over `store`, as startWithStore. */
export function withStore(store: Store, options: HarnessOptions = {}): HarnessOptions {
  return { ...options, deps: { store, records: RECORD_RETRIES, ...options.deps } };
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

/** What {@link useAppWithStore} gives each test: set once its hooks have run. */
export interface AppWithStore {
  readonly db: TestDatabase;
  readonly store: Store;
  readonly harness: HttpHarness;
}

/**
 * Registers the hooks of a suite over the real app and a database of its own (`name`) on
 * `engine`: one store for the suite, and before each test no decisions and a fresh app over it.
 */
export function useAppWithStore(engine: 'sqlite' | 'postgres', name: string): AppWithStore {
  const current: { db?: TestDatabase; store?: Store; harness?: HttpHarness } = {};
  const got = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use it inside a test`);
    return value;
  };
  beforeAll(async () => {
    current.db = await testDatabase(engine, name);
    current.store = await current.db.open();
  });
  afterAll(async () => {
    await current.store?.close();
    await current.db?.drop();
  });
  beforeEach(async (context) => {
    await got(current.db, 'db').raw('delete from decisions');
    const harness = await startWithStore(got(current.store, 'store'));
    current.harness = harness;
    context.onTestFinished(() => harness.close());
  });
  return {
    get db() {
      return got(current.db, 'db');
    },
    get store() {
      return got(current.store, 'store');
    },
    get harness() {
      return got(current.harness, 'harness');
    },
  };
}
