/**
 * `npx tsx bench/storage-size.ts [count]`: writes `count` (default 10,000) realistic decision
 * records on each engine (SQLite in a temporary folder; PostgreSQL at DATABASE_URL or the local
 * test server, in a throw-away schema) and prints the database's size and the storage calls'
 * latencies: record, claim, a channel's recent list and its current decisions. The figures in
 * the README's storage section come from here. One process, one connection, sequential calls.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { type Answers, createAdvisor, loadRuleset } from '../src/core/index.js';
import { createLogger } from '../src/logger.js';
import {
  type DatabaseConfig,
  type NewDecision,
  openStore,
  rulesVersion,
  type Store,
} from '../src/storage/index.js';
import { validAnswers } from '../testkit/arbitraries.js';

const COUNT = Number(process.argv[2] ?? 10_000);
const CHANNELS = 50;
const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const logger = createLogger({ level: 'warn', format: 'json' });
const advisor = createAdvisor(loadRuleset());
const version = rulesVersion();

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const p99 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)] ?? 0;

async function timed(samples: number[], run: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await run();
  samples.push(performance.now() - start);
}

/** Records as the app makes them: 50 channels; one in five changes an earlier thread's answers. */
async function decisionsToWrite(): Promise<NewDecision[]> {
  const answers: Answers[] = fc.sample(validAnswers, { numRuns: COUNT, seed: 11 });
  const made: NewDecision[] = [];
  for (const [i, given] of answers.entries()) {
    const advice = await advisor.advise(given);
    const ts = `${1_764_000_000 + i}.${String(i % 1_000_000).padStart(6, '0')}`;
    const earlier = i % 5 === 4 ? made[i - 1] : undefined;
    made.push({
      workspace: { teamId: 'TBENCH', enterpriseId: 'EBENCH' },
      channelId: earlier?.channelId ?? `C${String(i % CHANNELS).padStart(8, '0')}`,
      summaryTs: ts,
      threadTs: earlier?.threadTs ?? ts,
      userId: `U${String(i % 200).padStart(8, '0')}`,
      answers: given,
      recommendation: advice.recommendation,
      ranking: advice.ranking,
      rulesVersion: version,
      appVersion: '0.1.0',
      decidedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    });
  }
  return made;
}

async function measure(
  store: Store,
  decisions: readonly NewDecision[],
  size: () => Promise<number>,
) {
  const record: number[] = [];
  const claim: number[] = [];
  const recent: number[] = [];
  const current: number[] = [];
  for (const decision of decisions) await timed(record, () => store.decisions.record(decision));
  for (let i = 0; i < 2000; i += 1) {
    await timed(claim, () => store.deliveryKeys.claim(randomBytes(16).toString('hex'), 600_000));
  }
  for (let i = 0; i < 200; i += 1) {
    const channel = `C${String(i % CHANNELS).padStart(8, '0')}`;
    await timed(recent, () => store.decisions.recentInChannel('TBENCH', channel, { limit: 20 }));
    await timed(current, () => store.decisions.currentInChannel('TBENCH', channel));
  }
  const bytes = await size();
  const ms = (values: number[]) => `${median(values).toFixed(2)} / ${p99(values).toFixed(2)} ms`;
  return [
    `${store.engine}: ${decisions.length} decisions take ${(bytes / 1024 / 1024).toFixed(1)} MiB (${Math.round(bytes / decisions.length)} bytes each)`,
    `  record p50/p99 ${ms(record)}; claim ${ms(claim)}; recent 20 of a channel ${ms(recent)}; current of a channel (~${Math.round((decisions.length * 0.8) / CHANNELS)} threads) ${ms(current)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const decisions = await decisionsToWrite();
  console.log(`Node ${process.version}, ${COUNT} decisions`);
  const folder = mkdtempSync(path.join(tmpdir(), 'chip-advice-size-'));
  const file = path.join(folder, 'size.db');
  const sqlite: DatabaseConfig = { engine: 'sqlite', file, isDefault: false };
  const lite = await openStore({ database: sqlite, logger });
  console.log(
    await measure(lite, decisions, async () => {
      await lite.close(); // folds the write-ahead log into the file
      return statSync(file).size;
    }),
  );
  rmSync(folder, { recursive: true, force: true });

  const schema = `size_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const database: DatabaseConfig = { engine: 'postgres', url: POSTGRES_URL, password: undefined };
  const store = await openStore({ database, logger, schema });
  try {
    console.log(
      await measure(store, decisions, async () => {
        await admin.query(`vacuum analyze ${schema}.decisions`);
        const { rows } = await admin.query(
          `select pg_total_relation_size('${schema}.decisions') as bytes`,
        );
        return Number(rows[0].bytes);
      }),
    );
  } finally {
    await store.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

await main();
