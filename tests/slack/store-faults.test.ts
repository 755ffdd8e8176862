import { execFileSync } from 'node:child_process';
import {
  closeSync,
  fstatSync,
  mkdtempSync,
  openSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'libsql';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DatabaseConfig, openStore, type Store } from '../../src/storage/index.js';
import { appHomeOpened, CHANNEL } from '../../testkit/slack-payloads.js';
import { type TestDatabase, testDatabase, testLogger } from '../storage/support/engines.js';
import { TcpProxy } from '../storage/support/tcp-proxy.js';
import {
  answerQuestionnaire,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
} from '../support/flows.js';
import type { HttpHarness } from '../support/harness.js';
import { startWithStore } from '../support/store-app.js';

/**
 * The database failing after the start, through the real app and against real servers (a TCP
 * proxy in front of the shared PostgreSQL, never the server itself; a real SQLite file on a
 * real full disk, or really corrupt). In each: the advice is still delivered; the record is
 * kept and retried until written, or logged as lost with what was lost; duplicate claims fall
 * back to memory and the logs say so.
 */

const KEPT = 'could not write a decision record; it is kept and will be retried';
const CLAIMS_IN_MEMORY = 'chip_advice_claims_in_memory';
const DECISION_LOST = 'chip_advice_decision_lost';
const FAST = { claimTimeoutMs: 300, historyTimeoutMs: 1000 } as const;

async function eventually(check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}

/** Stops the app once, however many times it is asked (a test may stop it to see what is lost). */
function closingOnce(harness: HttpHarness): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= harness.close();
    return closing;
  };
}

/** The whole questionnaire → the summary and its reasoning, posted. */
async function adviseOnce(harness: HttpHarness) {
  const before = harness.api.callsTo('chat.postMessage').length;
  await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
  const summary = await nthPosted(harness, before + 1);
  await nthPosted(harness, before + 2);
  return summary;
}

/** The app's claims fell back to memory, said once. */
async function claimsWentToMemory(harness: HttpHarness) {
  const entry = await harness.logs.waitFor(/^duplicate claims fall back to memory/);
  expect(entry).toMatchObject({ code: CLAIMS_IN_MEMORY, component: 'duplicates' });
}

describe('PostgreSQL stopped or slow mid-run, through the app', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let store: Store;
  let harness: HttpHarness;
  let stopApp: () => Promise<void>;
  const count = async () =>
    Number(
      (await db.raw('select count(*) as n from decisions where channel_id = $1', [CHANNEL.id]))[0]
        ?.n,
    );

  beforeAll(async () => {
    db = await testDatabase('postgres', 'app_faults');
    await (await db.open()).close();
  });
  afterAll(async () => {
    await db?.drop();
  });
  beforeEach(async () => {
    await db.raw('delete from decisions');
    proxy = await TcpProxy.start();
    const database: DatabaseConfig = { engine: 'postgres', url: proxy.url(), password: undefined };
    store = await openStore({
      database,
      logger: db.logger,
      schema: db.schema,
      timeouts: { connectMs: 500, queryMs: 1000 },
    });
    harness = await startWithStore(store, {}, FAST);
    stopApp = closingOnce(harness);
  });
  afterEach(async () => {
    proxy.pass();
    await stopApp();
    await store.close();
    await proxy.close();
  });

  it('stopped: the advice is delivered, the record waits and is written once the server is back', async () => {
    proxy.refuse();
    await adviseOnce(harness);
    await harness.logs.waitFor(KEPT);
    await claimsWentToMemory(harness);
    // History and the Home tab say the history cannot be read, instead of failing.
    await harness.command('history');
    const [reply] = await harness.api.waitFor('response_url');
    expect(String(reply?.params.text)).toMatch(/^The decision history cannot be read right now/);
    await harness.event(appHomeOpened('home'));
    const [publish] = await harness.api.waitFor('views.publish');
    expect(JSON.stringify(publish?.params.view)).toContain('cannot be read right now');
    expect(await count()).toBe(0);

    proxy.pass();
    await eventually(async () => (await count()) === 1);
    await harness.logs.waitFor('decision records written again');
    expect(harness.logs.errors()).toEqual([]);
  });

  it('stopped until the app stops: the record is logged as lost, whole, with no secret in it', async () => {
    proxy.refuse();
    const summary = await adviseOnce(harness);
    await harness.logs.waitFor(KEPT);
    await stopApp();
    const lost = harness.logs.entries().find((entry) => entry.code === DECISION_LOST);
    expect(lost).toMatchObject({
      reason: 'the app stopped before the database answered',
      decision: {
        channelId: CHANNEL.id,
        summaryTs: summary.message.ts,
        userId: 'U0ASKER',
        answers: INFERENCE_ANSWERS,
        recommendation: { chip: 'inferentia' },
      },
    });
    expect(JSON.stringify(lost)).not.toMatch(/xoxb-|signing-secret/);
  });

  it('slow: the advice is not held up; claims use memory; the record is written when it answers', async () => {
    proxy.delay(1500); // past the claim bound and the 1 s query bound
    await adviseOnce(harness);
    await claimsWentToMemory(harness);
    await harness.logs.waitFor(KEPT);
    proxy.pass();
    await eventually(async () => (await count()) === 1);
    expect(harness.logs.entries().filter((e) => e.code === DECISION_LOST)).toEqual([]);
  });
});

/** A real full disk: a 4 MiB tmpfs (root only), else SQLite's page cap gives the same SQLITE_FULL. */
function mountTinyDisk(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'chip-advice-app-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

describe('the SQLite file’s disk fills up mid-run, through the app', () => {
  const disk = mountTinyDisk();
  const folder = disk ?? mkdtempSync(path.join(tmpdir(), 'chip-advice-app-full-'));
  let store: Store;
  let harness: HttpHarness;
  const ballast = path.join(folder, 'ballast');
  beforeAll(async () => {
    store = await openStore({
      database: { engine: 'sqlite', file: path.join(folder, 'advice.db'), isDefault: false },
      logger: testLogger().logger,
      ...(disk ? {} : { sqliteMaxPages: 12 }),
    });
    harness = await startWithStore(store, {}, FAST);
  });
  afterAll(async () => {
    await harness?.close();
    await store?.close();
    if (disk) execFileSync('umount', ['-l', folder]);
    rmSync(folder, { recursive: true, force: true });
  });

  it('delivers the advice, keeps the record while the disk is full, writes it once space is freed', async () => {
    if (disk) {
      const fd = openSync(ballast, 'w');
      try {
        for (;;) writeSync(fd, Buffer.alloc(16 * 1024));
      } catch (error) {
        expect((error as { code?: string }).code).toBe('ENOSPC');
      } finally {
        closeSync(fd);
      }
    } else {
      // Fill the capped file with other records until SQLite says it is full.
      for (let i = 0; i < 5000; i += 1) {
        const full = await store.deliveryKeys.claim(`ballast-${i}-${'x'.repeat(400)}`, 60_000).then(
          () => false,
          () => true,
        );
        if (full) break;
      }
    }
    for (let i = 0; i < 3; i += 1) await adviseOnce(harness);
    const kept = await harness.logs.waitFor(KEPT);
    expect((kept.err as { code?: string } | undefined)?.code).toMatch(/^SQLITE_(FULL|IOERR)/);
    await harness.event(appHomeOpened('home'));
    await claimsWentToMemory(harness);
    expect((await store.decisions.recentInChannel('T0FAKE', CHANNEL.id)).decisions).toHaveLength(0);

    if (disk) unlinkSync(ballast);
    else await store.deliveryKeys.pruneExpired(new Date(Date.now() + 3600_000));
    await eventually(
      async () =>
        (await store.decisions.recentInChannel('T0FAKE', CHANNEL.id)).decisions.length === 3,
    );
    expect(harness.logs.entries().filter((e) => e.code === DECISION_LOST)).toEqual([]);
  });
});

describe('the SQLite file is corrupted mid-run, through the app', () => {
  let db: TestDatabase;
  let store: Store;
  let harness: HttpHarness;
  let stopApp: () => Promise<void>;
  beforeAll(async () => {
    db = await testDatabase('sqlite', 'app_corrupt');
    store = await db.open();
    harness = await startWithStore(store, {}, FAST);
    stopApp = closingOnce(harness);
  });
  afterAll(async () => {
    await stopApp?.();
    await store?.close().catch(() => undefined);
    await db?.drop();
  });

  it('delivers the advice, retries the record, and logs it as lost at stop; claims use memory', async () => {
    await adviseOnce(harness);
    await eventually(
      async () =>
        (await store.decisions.recentInChannel('T0FAKE', CHANNEL.id)).decisions.length === 1,
    );
    if (db.database.engine !== 'sqlite') throw new Error('unreachable');
    const { file } = db.database;
    // Fold the log in, overwrite every page but the header with garbage, and let another
    // process touch the file (as a bad restore would): the app's connection sees the damage.
    await db.raw('pragma wal_checkpoint(TRUNCATE)');
    const fd = openSync(file, 'r+');
    const size = fstatSync(fd).size;
    writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
    closeSync(fd);
    const other = new Database(file);
    other.exec('pragma user_version = 7');
    other.close();

    const summary = await adviseOnce(harness);
    const kept = await harness.logs.waitFor(KEPT);
    expect((kept.err as { code?: string } | undefined)?.code).toBe('SQLITE_CORRUPT');
    await harness.event(appHomeOpened('home'));
    await claimsWentToMemory(harness);
    await stopApp();
    const lost = harness.logs.entries().find((entry) => entry.code === DECISION_LOST);
    expect(lost).toMatchObject({ decision: { summaryTs: summary.message.ts } });
  });
});
