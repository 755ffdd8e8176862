import fc from 'fast-check';
import type { Answers } from '../src/core/index.js';
import { validAnswers } from '../testkit/arbitraries.js';
import { fillForm } from '../testkit/fill-form.js';
import { commandBody, FORM, interactionBody, postSigned } from '../testkit/signed-request.js';
import { slashCommand, viewAction, viewSubmission } from '../testkit/slack-payloads.js';
import type { BenchApi } from './fake-api.js';
import { ackTimes, fire } from './load.js';
import { type RunningApp, SIGNING_SECRET, startApp } from './processes.js';
import { type Summary, summarize } from './stats.js';

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
): Promise<SubmissionRun> {
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
  return { concurrency, ack: summarize(acks), thread: summarize(thread), failed };
}

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
  /** Sequential submissions measured per store. */
  readonly submissions: number;
  readonly seed?: number;
}

/** Submission → thread reply, one at a time, per store; PostgreSQL is skipped if unreachable. */
export interface StorageBench {
  readonly none: SubmissionRun;
  readonly sqlite: SubmissionRun;
  readonly postgres: SubmissionRun | { readonly skipped: string };
}

/** The test server of the development and CI machines, or BENCH_POSTGRES_URL. */
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function onPostgres<T>(run: (url: string) => Promise<T>): Promise<T | { skipped: string }> {
  const { default: pg } = await import('pg');
  const name = `bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (error) {
    await admin.end().catch(() => undefined);
    return { skipped: `PostgreSQL at ${POSTGRES_URL} not usable: ${String(error)}` };
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

/**
 * The cost of the store on the submission path, in one run: chip-advice without a store (the
 * baseline), with its SQLite file (`npm start` with no DATABASE_URL, in a temporary folder) and
 * with PostgreSQL (a throw-away database on the local server). Each gets the same generated
 * workloads, a warm-up, then one submission at a time.
 */
export async function benchStorage(
  api: BenchApi,
  { warmup, submissions, seed = 11 }: StorageOptions,
): Promise<StorageBench> {
  const once = async (kind: 'chip-advice' | 'chip-advice-no-store', env = {}) => {
    const app = await startApp(kind, api.url, { env });
    try {
      const prepared = await prepare(app, api, warmup + submissions, seed);
      await submitInBursts(app, api, 1, prepared.slice(0, warmup));
      return await submitInBursts(app, api, 1, prepared.slice(warmup));
    } finally {
      await app.stop();
    }
  };
  const none = await once('chip-advice-no-store');
  const sqlite = await once('chip-advice');
  const postgres = await onPostgres((url) => once('chip-advice', { DATABASE_URL: url }));
  return { none, sqlite, postgres };
}
