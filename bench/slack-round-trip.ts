import { commandBody, FORM } from '../testkit/signed-request.js';
import { slashCommand } from '../testkit/slack-payloads.js';
import type { BenchApi } from './fake-api.js';
import { ackTimes, fire, type Outgoing } from './load.js';
import { type AppKind, cpuMs, type RunningApp, startApp } from './processes.js';
import { median, round, type Summary, summarize } from './stats.js';

/** Latencies of one load run of `/chip-advice`, in milliseconds from the request's send. */
export interface CommandRun {
  /** Until the HTTP ack was complete. */
  readonly ack: Summary;
  /** Until the Web API received the views.open carrying the request's trigger_id. */
  readonly modal: Summary;
  /** Requests without a 200 ack or without a views.open. */
  readonly failed: number;
  /** CPU the app used per command (ms), and the benchmark process (load generator, fake API). */
  readonly cpuPerRequestMs: { readonly app: number; readonly bench: number };
}

let triggers = 0;

/** `/chip-advice` with a trigger_id no other request in this process has used. */
function command(api: BenchApi): Outgoing {
  triggers += 1;
  const id = `${triggers}.${process.pid}.benchtrigger`;
  const body = commandBody(slashCommand({ responseUrl: api.responseUrl(), triggerId: id }));
  return { id, body, contentType: FORM };
}

/** Sends `amount` slash commands over `connections` connections and times ack and modal. */
export async function runCommands(
  app: RunningApp,
  api: BenchApi,
  connections: number,
  amount: number,
): Promise<CommandRun> {
  api.clear();
  const appCpu = cpuMs(app.pid);
  const benchCpu = process.cpuUsage();
  const samples = await fire(app.origin, {
    connections: Math.min(connections, amount),
    amount,
    next: () => command(api),
  });
  const modal: number[] = [];
  let failed = samples.filter((sample) => sample.status !== 200).length;
  for (const sample of samples) {
    if (sample.status !== 200) continue;
    const at = await api.waitFor(`views.open:${sample.id}`, 5000).catch(() => undefined);
    if (at === undefined) failed += 1;
    else modal.push(at - sample.sent);
  }
  const bench = process.cpuUsage(benchCpu);
  const perRequest = (ms: number) => round(ms / Math.max(1, samples.length), 3);
  return {
    ack: summarize(ackTimes(samples)),
    modal: summarize(modal),
    failed,
    cpuPerRequestMs: {
      app: perRequest(cpuMs(app.pid) - appCpu),
      bench: perRequest((bench.user + bench.system) / 1000),
    },
  };
}

export type Concurrency = 'sequential' | 'concurrent';
type Measure = 'ack' | 'modal';
type ByApp<T> = Record<AppKind, T>;
export type Round = ByApp<Record<Concurrency, CommandRun>>;

/** One figure for both apps (median across rounds) and their ratio (median of per-round ratios). */
export interface Compared {
  readonly chipAdvice: { readonly p50: number; readonly p99: number };
  readonly baseline: { readonly p50: number; readonly p99: number };
  readonly ratio: { readonly p50: number; readonly p99: number };
}

export interface SlashCommandBench {
  readonly connections: Record<Concurrency, number>;
  readonly requestsPerRound: Record<Concurrency, number>;
  readonly rounds: readonly Round[];
  readonly failed: number;
  readonly sequential: Record<Measure, Compared>;
  readonly concurrent: Record<Measure, Compared>;
  /** CPU time each app used per command in the concurrent runs: median across rounds, in ms. */
  readonly cpuPerCommandMs: ByApp<number> & { readonly ratio: number };
}

function compare(rounds: readonly Round[], at: Concurrency, measure: Measure): Compared {
  const stat = (kind: AppKind, key: 'median' | 'p99') =>
    rounds.map((item) => item[kind][at][measure][key]);
  const of = (kind: AppKind) => ({
    p50: round(median(stat(kind, 'median'))),
    p99: round(median(stat(kind, 'p99'))),
  });
  const ratio = (key: 'median' | 'p99') => {
    const chip = stat('chip-advice', key);
    const base = stat('baseline', key);
    return round(median(chip.map((value, i) => value / (base[i] ?? Number.NaN))), 2);
  };
  return {
    chipAdvice: of('chip-advice'),
    baseline: of('baseline'),
    ratio: { p50: ratio('median'), p99: ratio('p99') },
  };
}

export interface SlashCommandOptions {
  readonly rounds: number;
  readonly warmup: number;
  readonly requests: Record<Concurrency, number>;
  readonly connections: Record<Concurrency, number>;
}

/**
 * Slash command → modal, chip-advice against the bare Bolt app: both run as child processes,
 * warmed up, then measured in alternating rounds (chip-advice first in even rounds, the baseline
 * first in odd ones), each round sequentially then at `connections.concurrent`.
 */
export async function benchSlashCommand(
  api: BenchApi,
  options: SlashCommandOptions,
): Promise<SlashCommandBench> {
  const apps: RunningApp[] = [];
  try {
    apps.push(await startApp('chip-advice', api.url), await startApp('baseline', api.url));
    for (const app of apps) await runCommands(app, api, 10, options.warmup);
    const rounds: Round[] = [];
    for (let r = 0; r < options.rounds; r += 1) {
      const order = r % 2 === 0 ? apps : [...apps].reverse();
      const partial: Partial<Round> = {};
      for (const app of order) {
        partial[app.kind as AppKind] = {
          sequential: await runCommands(app, api, 1, options.requests.sequential),
          concurrent: await runCommands(
            app,
            api,
            options.connections.concurrent,
            options.requests.concurrent,
          ),
        };
      }
      rounds.push(partial as Round);
    }
    const cpu = (kind: AppKind) => rounds.map((item) => item[kind].concurrent.cpuPerRequestMs.app);
    const cpuRatios = cpu('chip-advice').map(
      (value, i) => value / (cpu('baseline')[i] ?? Number.NaN),
    );
    const failed = rounds
      .flatMap((item) => Object.values(item).flatMap((runs) => Object.values(runs)))
      .reduce((sum, run) => sum + run.failed, 0);
    return {
      connections: options.connections,
      requestsPerRound: options.requests,
      rounds,
      failed,
      sequential: {
        ack: compare(rounds, 'sequential', 'ack'),
        modal: compare(rounds, 'sequential', 'modal'),
      },
      concurrent: {
        ack: compare(rounds, 'concurrent', 'ack'),
        modal: compare(rounds, 'concurrent', 'modal'),
      },
      cpuPerCommandMs: {
        'chip-advice': round(median(cpu('chip-advice'))),
        baseline: round(median(cpu('baseline'))),
        ratio: round(median(cpuRatios), 2),
      },
    };
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
  }
}
