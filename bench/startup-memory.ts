import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchApi } from './fake-api.js';
import { Inspector } from './inspector.js';
import { type AppKind, type RunningApp, startApp } from './processes.js';
import { runCommands } from './slack-round-trip.js';
import { median, round } from './stats.js';

export interface StartupBench {
  readonly starts: number;
  /** Milliseconds from spawn() to the first 200 from GET /healthz, every start. */
  readonly samples: Record<AppKind, readonly number[]>;
  readonly median: Record<AppKind, number>;
  readonly ratio: number;
}

/** Starts each app `starts` times, alternating which goes first; times spawn → /healthz 200. */
export async function benchStartup(apiUrl: string, starts: number): Promise<StartupBench> {
  const samples: Record<AppKind, number[]> = { 'chip-advice': [], baseline: [] };
  for (let i = 0; i < starts; i += 1) {
    const order: AppKind[] =
      i % 2 === 0 ? ['chip-advice', 'baseline'] : ['baseline', 'chip-advice'];
    for (const kind of order) {
      const app = await startApp(kind, apiUrl);
      samples[kind].push(round(app.readyMs, 1));
      await app.stop();
    }
  }
  const chip = median(samples['chip-advice']);
  const base = median(samples.baseline);
  return {
    starts,
    samples,
    median: { 'chip-advice': chip, baseline: base },
    ratio: round(chip / base, 2),
  };
}

/** Memory of the child after a forced full garbage collection, in MB. */
export interface MemorySnapshot {
  readonly rssMb: number;
  readonly heapUsedMb: number;
}

const MB = 1024 * 1024;

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb) * 1024;
}

async function snapshot(inspector: Inspector, pid: number): Promise<MemorySnapshot> {
  // Twice: the first pass can leave objects with finalizers for the second.
  await inspector.send('HeapProfiler.collectGarbage');
  await inspector.send('HeapProfiler.collectGarbage');
  const heap = await inspector.send<{ usedSize: number }>('Runtime.getHeapUsage');
  return { rssMb: round((await rssBytes(pid)) / MB, 1), heapUsedMb: round(heap.usedSize / MB, 2) };
}

const growth = (from: number, to: number) => round(((to - from) / from) * 100, 1);

export interface MemoryOptions {
  /** Commands before the "warm" snapshot. */
  readonly warmup: number;
  /** Commands in all before the "after" snapshot (the figure with the 10% target). */
  readonly requests: number;
  /** Further commands before the last snapshot: does memory keep growing, or has it levelled? */
  readonly extra: number;
  readonly connections: number;
}

export interface MemoryBench {
  readonly kind: AppKind;
  readonly requests: number;
  readonly extra: number;
  readonly failed: number;
  /** After start, before any command. */
  readonly idle: MemorySnapshot;
  /** After `warmup` commands: code compiled, connection pools and caches filled. */
  readonly warm: MemorySnapshot;
  /** After `requests` commands. */
  readonly after: MemorySnapshot;
  /** After `requests + extra` commands. */
  readonly later: MemorySnapshot;
  /** Percent growth: idle → after (the target), warm → after, and after → later. */
  readonly growthPct: {
    readonly rss: number;
    readonly heapUsed: number;
    readonly rssFromWarm: number;
    readonly heapUsedFromWarm: number;
    readonly rssAfterToLater: number;
    readonly heapUsedAfterToLater: number;
  };
}

async function inspectorOf(app: RunningApp): Promise<Inspector> {
  // Node prints the URL before it runs the app, but the pipe may deliver it a moment later.
  for (let tries = 0; !app.stderr().includes('Debugger listening') && tries < 100; tries += 1) {
    await sleep(20);
  }
  return Inspector.connect(app.stderr());
}

/**
 * RSS (VmRSS of the child) and V8 heap used, each after a forced full GC through the inspector
 * (`--inspect=127.0.0.1:0`): at idle, after `warmup` slash commands, after `requests`, and after
 * `extra` more, `connections` at a time.
 */
export async function benchMemory(
  api: BenchApi,
  kind: AppKind,
  { warmup, requests, extra, connections }: MemoryOptions,
): Promise<MemoryBench> {
  const app = await startApp(kind, api.url, { nodeArgs: ['--inspect=127.0.0.1:0'] });
  let inspector: Inspector | undefined;
  try {
    inspector = await inspectorOf(app);
    // Let the start's background work (the auth.test token check) finish first.
    await sleep(300);
    const idle = await snapshot(inspector, app.pid);
    let failed = (await runCommands(app, api, connections, warmup)).failed;
    const warm = await snapshot(inspector, app.pid);
    failed += (await runCommands(app, api, connections, requests - warmup)).failed;
    const after = await snapshot(inspector, app.pid);
    failed += (await runCommands(app, api, connections, extra)).failed;
    const later = await snapshot(inspector, app.pid);
    api.clear();
    return {
      kind,
      requests,
      extra,
      failed,
      idle,
      warm,
      after,
      later,
      growthPct: {
        rss: growth(idle.rssMb, after.rssMb),
        heapUsed: growth(idle.heapUsedMb, after.heapUsedMb),
        rssFromWarm: growth(warm.rssMb, after.rssMb),
        heapUsedFromWarm: growth(warm.heapUsedMb, after.heapUsedMb),
        rssAfterToLater: growth(after.rssMb, later.rssMb),
        heapUsedAfterToLater: growth(after.heapUsedMb, later.heapUsedMb),
      },
    };
  } finally {
    inspector?.close();
    await app.stop();
  }
}
