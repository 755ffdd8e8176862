import os from 'node:os';
import { type AdvisorBench, benchAdvisor } from './advisor.js';
import { BenchApi } from './fake-api.js';
import { stopAll } from './processes.js';
import {
  benchSlashCommand,
  type SlashCommandBench,
  type SlashCommandOptions,
} from './slack-round-trip.js';
import {
  benchMemory,
  benchStartup,
  type MemoryBench,
  type MemoryOptions,
  type StartupBench,
} from './startup-memory.js';
import {
  benchStorage,
  benchSubmission,
  type StorageBench,
  type StorageOptions,
  type SubmissionBench,
  type SubmissionOptions,
} from './submission.js';

export interface BenchSize {
  readonly advisor: { readonly workloads: number; readonly warmup: number };
  readonly slashCommand: SlashCommandOptions;
  readonly submission: SubmissionOptions;
  readonly storage: StorageOptions;
  readonly startup: { readonly starts: number };
  readonly memory: MemoryOptions;
}

/** `full` is `npm run bench` (under 3 minutes on 2 cores); `smoke` checks it runs, in seconds. */
export const SIZES = {
  full: {
    advisor: { workloads: 10_000, warmup: 1_000 },
    slashCommand: {
      rounds: 9,
      warmup: 5_000,
      requests: { sequential: 500, concurrent: 3_000 },
      connections: { sequential: 1, concurrent: 50 },
    },
    submission: { warmup: 100, sequential: 100, concurrent: 500, concurrency: 50 },
    storage: { warmup: 30, submissions: 160, rounds: 8 },
    startup: { starts: 5 },
    memory: { warmup: 1_000, requests: 10_000, extra: 10_000, connections: 50 },
  },
  smoke: {
    advisor: { workloads: 300, warmup: 30 },
    slashCommand: {
      rounds: 1,
      warmup: 5,
      requests: { sequential: 5, concurrent: 10 },
      connections: { sequential: 1, concurrent: 5 },
    },
    submission: { warmup: 2, sequential: 3, concurrent: 6, concurrency: 3 },
    storage: { warmup: 1, submissions: 3, rounds: 1 },
    startup: { starts: 1 },
    memory: { warmup: 10, requests: 30, extra: 10, connections: 5 },
  },
} as const satisfies Record<string, BenchSize>;

export type SizeName = keyof typeof SIZES;

export interface BenchResults {
  readonly date: string;
  readonly size: SizeName;
  /** How much of everything was run. */
  readonly options: BenchSize;
  readonly machine: {
    readonly cpuModel: string;
    readonly cores: number;
    readonly node: string;
    readonly platform: string;
  };
  readonly durationSeconds: number;
  readonly advisor: AdvisorBench;
  readonly slashCommand: SlashCommandBench;
  readonly submission: SubmissionBench;
  /** Submission → thread reply without a store, with SQLite, with PostgreSQL. */
  readonly storage: StorageBench;
  readonly startup: StartupBench;
  readonly memory: Record<'chip-advice' | 'baseline', MemoryBench>;
}

/**
 * Every measurement, in one run on this machine: the advisor in this process, then the Slack
 * figures against `node dist/main.js` and bench/baseline-app.mjs as child processes, with the
 * fake Web API in this process. Every child is stopped, even when a step fails.
 */
export async function runBench(
  size: SizeName,
  progress: (line: string) => void = () => {},
): Promise<BenchResults> {
  const options: BenchSize = SIZES[size];
  const started = performance.now();
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    progress(`${name}...`);
    const result = await run();
    progress(`${name}: ${((performance.now() - at) / 1000).toFixed(1)} s`);
    return result;
  };
  const advisor = await step('advisor', () => benchAdvisor(options.advisor));
  const api = await BenchApi.start();
  try {
    const slashCommand = await step('slash command → modal', () =>
      benchSlashCommand(api, options.slashCommand),
    );
    const submission = await step('submission → thread', () =>
      benchSubmission(api, options.submission),
    );
    const storage = await step('submission → thread, by store', () =>
      benchStorage(api, options.storage),
    );
    const startup = await step('start-up', () => benchStartup(api.url, options.startup.starts));
    const memory = await step('memory', async () => ({
      'chip-advice': await benchMemory(api, 'chip-advice', options.memory),
      baseline: await benchMemory(api, 'baseline', options.memory),
    }));
    const cpus = os.cpus();
    return {
      date: new Date().toISOString(),
      size,
      options,
      machine: {
        cpuModel: cpus[0]?.model.trim() ?? 'unknown',
        cores: cpus.length,
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      durationSeconds: Math.round((performance.now() - started) / 1000),
      advisor,
      slashCommand,
      submission,
      storage,
      startup,
      memory,
    };
  } finally {
    await stopAll();
    await api.close();
  }
}
