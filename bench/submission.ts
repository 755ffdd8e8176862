import fc from 'fast-check';
import type { Answers } from '../src/core/index.js';
import { validAnswers } from '../testkit/arbitraries.js';
import { fillForm } from '../testkit/fill-form.js';
import { commandBody, FORM, interactionBody, postSigned } from '../testkit/signed-request.js';
import { slashCommand, viewAction, viewSubmission } from '../testkit/slack-payloads.js';
import type { BenchApi } from './fake-api.js';
import { ackTimes, fire } from './load.js';
import { type RunningApp, SIGNING_SECRET, startApp } from './processes.js';
import { median, type Summary, summarize } from './stats.js';

type Json = Record<string, unknown>;

/** A filled-in questionnaire ready to submit; its advice goes to a channel of its own. */
interface Prepared {
  readonly channel: string;
  readonly body: string;
}

let channels = 0;

/** Numbers as a person types them in a number input: no exponent, at most cents. */
function typeable(answers: Answers): Answers {
  return { ...answers, monthlySpendUsd: Math.round(answers.monthlySpendUsd * 100) / 100 };
}

/**
 * One questionnaire the way Slack would hold it: `/chip-advice` in a fresh channel, the view the
 * app opened, the workload chosen (the app updates the view), then the shown inputs filled in.
 * The submission is what Slack would send for that view (its own view id, hash and metadata).
 */
async function prepareOne(app: RunningApp, api: BenchApi, answers: Answers): Promise<Prepared> {
  channels += 1;
  const channel = `CBENCH${channels.toString(36).toUpperCase()}`;
  const trigger = `${channels}.${process.pid}.benchprepare`;
  const post = (body: string) =>
    postSigned(`${app.origin}/slack/events`, body, FORM, { secret: SIGNING_SECRET });
  await post(
    commandBody(
      slashCommand({ responseUrl: api.responseUrl(), triggerId: trigger, channelId: channel }),
    ),
  );
  await api.waitFor(`views.open:${trigger}`);
  const opened = api.opened.get(trigger) as Json;
  const choice = fillForm(opened, { workload: answers.workload });
  await post(interactionBody(viewAction(opened, choice, 'workload')));
  await api.waitFor(`views.update:${String(opened.id)}`);
  const view = api.updated.get(String(opened.id)) as Json;
  const shownIds = new Set(((view.blocks as Json[]) ?? []).map((block) => block.block_id));
  const shown = Object.fromEntries(Object.entries(answers).filter(([key]) => shownIds.has(key)));
  return { channel, body: interactionBody(viewSubmission(view, fillForm(view, shown))) };
}

async function prepare(app: RunningApp, api: BenchApi, count: number, seed: number) {
  const answers = fc.sample(validAnswers, { numRuns: count, seed }).map(typeable);
  api.clear();
  api.keepViews = true;
  const prepared: Prepared[] = [];
  try {
    // A few at a time: quick, without a backlog in the app.
    for (let i = 0; i < answers.length; i += 16) {
      const batch = answers.slice(i, i + 16).map((item) => prepareOne(app, api, item));
      prepared.push(...(await Promise.all(batch)));
    }
  } finally {
    api.keepViews = false;
  }
  return prepared;
}

/** Latencies of submitting valid questionnaires, in milliseconds from the submission's send. */
export interface SubmissionRun {
  /** Submissions in flight at once, from send until their thread reply arrived. */
  readonly concurrency: number;
  /** Until the HTTP ack (the modal closes). */
  readonly ack: Summary;
  /** Until the Web API received the thread reply (the second chat.postMessage, with thread_ts). */
  readonly thread: Summary;
  /** Submissions not acked with an empty 200, or whose thread reply never came. */
  readonly failed: number;
}

/**
 * Submits `prepared` in bursts of `concurrency`, each burst over as many connections, the next
 * burst once every thread reply of the last has arrived. The work after the ack (advice, two
 * messages) is not held back by the ack, so a stream that sends on every ack would measure a
 * growing backlog; bursts keep exactly `concurrency` submissions in flight end to end.
 */
async function submitInBursts(
  app: RunningApp,
  api: BenchApi,
  concurrency: number,
  prepared: readonly Prepared[],
  keepSamples = false,
): Promise<Sampled> {
  const acks: number[] = [];
  const thread: number[] = [];
  let failed = 0;
  for (let i = 0; i < prepared.length; i += concurrency) {
    const burst = prepared.slice(i, i + concurrency);
    const samples = await fire(app.origin, {
      connections: burst.length,
      amount: burst.length,
      next: (seq) => {
        const item = burst[seq % burst.length] as Prepared;
        return { id: item.channel, body: item.body, contentType: FORM };
      },
    });
    const accepted = samples.filter((sample) => sample.status === 200 && sample.body === '');
    failed += samples.length - accepted.length;
    acks.push(...ackTimes(accepted));
    for (const sample of accepted) {
      const at = await api.waitFor(`thread:${sample.id}`, 5000).catch(() => undefined);
      if (at === undefined) failed += 1;
      else thread.push(at - sample.sent);
    }
  }
  const run = { concurrency, ack: summarize(acks), thread: summarize(thread), failed };
  return keepSamples ? { ...run, samples: thread, ackSamples: acks } : run;
}

/** A run with its latencies, for merging runs. */
type Sampled = SubmissionRun & { readonly samples?: number[]; readonly ackSamples?: number[] };

export interface SubmissionBench {
  readonly sequential: SubmissionRun;
  readonly concurrent: SubmissionRun;
}

export interface SubmissionOptions {
  readonly warmup: number;
  readonly sequential: number;
  readonly concurrent: number;
  /** Submissions in flight at once in the concurrent run. */
  readonly concurrency: number;
  readonly seed?: number;
}

/**
 * Submission → thread reply on chip-advice (`node dist/main.js`): valid questionnaires built from
 * generated workloads, each from its own views.open, submitted one at a time, then in bursts of
 * `concurrency`.
 */
export async function benchSubmission(
  api: BenchApi,
  { warmup, sequential, concurrent, concurrency, seed = 7 }: SubmissionOptions,
): Promise<SubmissionBench> {
  const app = await startApp('chip-advice', api.url);
  try {
    const prepared = await prepare(app, api, warmup + sequential + concurrent, seed);
    await submitInBursts(app, api, 10, prepared.slice(0, warmup));
    return {
      sequential: await submitInBursts(app, api, 1, prepared.slice(warmup, warmup + sequential)),
      concurrent: await submitInBursts(app, api, concurrency, prepared.slice(warmup + sequential)),
    };
  } finally {
    await app.stop();
  }
}

/** Where a storage run's app keeps its records. */
export type StoreKind = 'none' | 'sqlite' | 'postgres';

export interface StorageOptions {
  readonly warmup: number;
  /** Sequential submissions measured per store, split over the rounds. */
  readonly submissions: number;
  /** The stores take turns, round after round, so that load from elsewhere hits all of them. */
  readonly rounds: number;
  readonly seed?: number;
}

/**
 * Submission → thread reply, one at a time, per store: each store's runs merged, and the median
 * over rounds of each round's p50 ratio to the no-store app. PostgreSQL is skipped if unreachable.
 */
export interface StorageBench {
  readonly rounds: number;
  readonly none: SubmissionRun;
  readonly sqlite: SubmissionRun & { readonly ratio: number };
  readonly postgres: (SubmissionRun & { readonly ratio: number }) | { readonly skipped: string };
}

/** The test server of the development and CI machines, or BENCH_POSTGRES_URL. */
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function onPostgres<T>(run: (url: string | undefined) => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg');
  const name = `bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch {
    await admin.end().catch(() => undefined);
    return run(undefined);
  }
  try {
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

const merged = (runs: readonly Sampled[]): SubmissionRun => ({
  concurrency: 1,
  ack: summarize(runs.flatMap((run) => run.ackSamples ?? [])),
  thread: summarize(runs.flatMap((run) => run.samples ?? [])),
  failed: runs.reduce((sum, run) => sum + run.failed, 0),
});

/**
 * The cost of the store on the submission path, in one run: chip-advice without a store (the
 * baseline), with its SQLite file (`npm start` with no DATABASE_URL, in a temporary folder) and
 * with PostgreSQL (a throw-away database on the local server), all three running at once. Each
 * gets the same generated workloads and a warm-up; then, round after round, each in turn submits
 * its share one at a time.
 */
export async function benchStorage(
  api: BenchApi,
  { warmup, submissions, rounds, seed = 11 }: StorageOptions,
): Promise<StorageBench> {
  return onPostgres(async (postgresUrl) => {
    const kinds: [StoreKind, RunningApp][] = [];
    try {
      kinds.push(['none', await startApp('chip-advice-no-store', api.url)]);
      kinds.push(['sqlite', await startApp('chip-advice', api.url)]);
      if (postgresUrl) {
        kinds.push([
          'postgres',
          await startApp('chip-advice', api.url, { env: { DATABASE_URL: postgresUrl } }),
        ]);
      }
      const prepared = new Map<StoreKind, Prepared[]>();
      for (const [kind, app] of kinds) {
        const items = await prepare(app, api, warmup + submissions, seed);
        await submitInBursts(app, api, 1, items.slice(0, warmup));
        prepared.set(kind, items.slice(warmup));
      }
      const per = Math.max(1, Math.floor(submissions / rounds));
      const runs = new Map<StoreKind, Sampled[]>(kinds.map(([kind]) => [kind, []]));
      for (let r = 0; r < rounds; r += 1) {
        const order = kinds.map((_, i) => kinds[(i + r) % kinds.length] as [StoreKind, RunningApp]);
        for (const [kind, app] of order) {
          const slice = (prepared.get(kind) ?? []).slice(r * per, (r + 1) * per);
          runs.get(kind)?.push(await submitInBursts(app, api, 1, slice, true));
        }
      }
      const none = runs.get('none') ?? [];
      const withRatio = (kind: StoreKind) => {
        const own = runs.get(kind) ?? [];
        const ratios = own.map(
          (run, i) => run.thread.median / (none[i]?.thread.median ?? Number.NaN),
        );
        return { ...merged(own), ratio: median(ratios) };
      };
      return {
        rounds,
        none: merged(none),
        sqlite: withRatio('sqlite'),
        postgres: postgresUrl
          ? withRatio('postgres')
          : { skipped: `PostgreSQL at ${POSTGRES_URL} not usable` },
      };
    } finally {
      for (const [, app] of kinds) await app.stop();
    }
  });
}
