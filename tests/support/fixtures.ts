import { test as base } from 'vitest';
import type { AppDeps } from '../../src/app.js';
import { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import { type HttpHarness, startHttpHarness } from './harness.js';
import { type ProcessHarness, startProcess } from './process-harness.js';
import { type SocketHarness, startSocketHarness } from './socket-harness.js';

/**
 * What the harness is started with: more environment, other app dependencies, and a fake Web
 * API shared with other harnesses (a restart, replicas), which its close leaves running.
 */
export interface HarnessOptions {
  readonly env?: Record<string, string>;
  readonly deps?: AppDeps;
  readonly api?: FakeSlackApi;
}

type Closable = { close(): Promise<void> };

/**
 * Starts harnesses with `start`, and closes every one it started once the test is over (unless
 * the test closed it already, as a restart does: a harness is closed once).
 */
function starter<A extends unknown[], H extends Closable>(start: (...args: A) => Promise<H>) {
  // vitest reads a fixture's dependencies from the pattern of its first parameter: none here.
  // biome-ignore lint/correctness/noEmptyPattern: vitest requires a destructuring pattern there
  return async ({}, { onCleanup }: { onCleanup(fn: () => Promise<void>): void }) => {
    const started: (() => Promise<void>)[] = [];
    onCleanup(async () => {
      for (const close of started.splice(0).reverse()) await close();
    });
    return async (...args: A): Promise<H> => {
      const harness = await start(...args);
      const once = harness.close.bind(harness);
      let closing: Promise<void> | undefined;
      const close = () => {
        closing ??= once();
        return closing;
      };
      started.push(close);
      return Object.assign(harness, { close });
    };
  };
}

/**
 * vitest's `test` with the real app as fixtures. Each is started only when a test names it, and
 * closed after the test, whether it passed or not:
 * - `harness`: the app in HTTP mode on a free port with a fake Web API (harness.ts), started with
 *   `harnessOptions` (set them for a `describe` with `test.override('harnessOptions', ...)`);
 * - `startHarness(options)`: more of those, or one started with options of the test's own;
 * - `fakeApi`: a fake Web API of the test's own, to share between harnesses (`options.api`);
 * - `startProcess(env, api?, { cwd }?)`: the real `node dist/main.js` process (process-harness.ts;
 *   with a database file of its own unless `env` names one or `cwd` is another folder);
 * - `socketApp`, `startSocketApp(deps?)`: the app in Socket Mode with a fake Web API and a local
 *   Socket Mode server, not started yet (socket-harness.ts).
 */
export const test = base
  .extend('harnessOptions', {} as HarnessOptions)
  .extend(
    'startHarness',
    starter((options: HarnessOptions = {}) =>
      startHttpHarness(options.env, options.deps, options.api),
    ),
  )
  // biome-ignore lint/correctness/noEmptyPattern: vitest requires a destructuring pattern there
  .extend('fakeApi', async ({}, { onCleanup }) => {
    const api = await FakeSlackApi.start();
    onCleanup(() => api.close());
    return api;
  })
  .extend('harness', async ({ harnessOptions, startHarness }) => startHarness(harnessOptions))
  .extend(
    'startProcess',
    starter((env: Record<string, string>, api?: FakeSlackApi, options?: { cwd?: string }) =>
      startProcess(env, api, options),
    ),
  )
  .extend(
    'startSocketApp',
    starter((deps?: AppDeps) => startSocketHarness(deps)),
  )
  .extend('socketApp', async ({ startSocketApp }) => startSocketApp());

/**
 * The same `harness`, started once for the whole file (for files that send many requests to one
 * app; a test that needs a clean slate resets the fake Web API and the logs itself).
 */
export const fileTest = base
  .extend('harnessOptions', { scope: 'file' }, {} as HarnessOptions)
  .extend('harness', { scope: 'file' }, async ({ harnessOptions }, { onCleanup }) => {
    const harness = await startHttpHarness(harnessOptions.env, harnessOptions.deps);
    onCleanup(() => harness.close());
    return harness;
  });

export type { HttpHarness, ProcessHarness, SocketHarness };
