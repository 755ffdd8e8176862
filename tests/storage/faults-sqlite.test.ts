import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  mkdtempSync,
  openSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  createDuplicateClaims,
  createRecordWriter,
  openStore,
  type Store,
} from '../../src/storage/index.js';
import { aDecision } from './support/decisions.js';
import { type TestDatabase, testDatabase, testLogger } from './support/engines.js';

describe('an SQLite file whose disk fills up: nothing is lost, no one is held up', () => {
  let db: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    db = await testDatabase('sqlite', 'full');
    await (await db.open()).close();
    // A "disk" of 40 pages of 4 KiB: past it every write fails with a real SQLITE_FULL.
    store = await db.open({ sqliteMaxPages: 40 });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('records wait while the disk is full and are written once space is freed; claims use memory meanwhile', async () => {
    // Other records and keys take up the room, then the app's records and claims arrive.
    const fill = async (write: () => Promise<unknown>) => {
      for (let i = 0; i < 2000; i += 1) {
        const error = await write().then(
          () => undefined,
          (caught: unknown) => caught,
        );
        if (error) return { written: i, code: (error as { code?: string }).code };
      }
      return { written: 2000, code: undefined };
    };
    const records = await fill(async () =>
      store.decisions.record(await aDecision({ workspace: { teamId: 'TFILL' } })),
    );
    expect(records).toMatchObject({ code: 'SQLITE_FULL' });
    expect(records.written).toBeGreaterThan(0);
    expect(await fill(() => store.deliveryKeys.claim(randomUUID(), 60_000))).toMatchObject({
      code: 'SQLITE_FULL',
    });

    const writer = createRecordWriter({
      decisions: store.decisions,
      logger: db.logger,
      firstDelayMs: 20,
    });
    const outcomes = [];
    for (let i = 0; i < 5; i += 1)
      outcomes.push(await writer.write(await aDecision({ channelId: 'CFULL' })));
    expect(outcomes).toEqual(Array(5).fill('queued'));
    const retry = db.sink
      .entries()
      .find((e) => e.msg === 'could not write a decision record; it is kept and will be retried');
    expect((retry?.err as { code?: string } | undefined)?.code).toBe('SQLITE_FULL');

    const claims = createDuplicateClaims({
      keys: store.deliveryKeys,
      logger: db.logger,
      timeoutMs: 200,
    });
    const key = randomUUID();
    expect(await claims.claim(key)).toBe('first');
    expect(await claims.claim(key)).toBe('repeat');
    expect(claims.inMemory).toBe(true);
    expect(db.sink.entries().filter((e) => e.code === 'chip_advice_claims_in_memory')).toHaveLength(
      1,
    );

    // Space comes back (here: the other records go), and what waited is written.
    await store.decisions.deleteWorkspace('TFILL');
    for (let i = 0; i < 200 && writer.pending > 0; i += 1) await sleep(25);
    expect(writer.pending).toBe(0);
    expect((await store.decisions.recentInChannel('T0001', 'CFULL')).decisions).toHaveLength(5);
    expect(db.sink.errors()).toEqual([]);
  });
});

describe('an SQLite file after a clean stop', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await testDatabase('sqlite', 'copy');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('holds every record by itself (the write-ahead log is folded in), so a copy of it alone is complete', async () => {
    const store = await db.open();
    for (let i = 0; i < 20; i += 1)
      await store.decisions.record(await aDecision({ channelId: 'CCOPY' }));
    await store.close();
    if (db.database.engine !== 'sqlite') throw new Error('unreachable');
    const copy = path.join(path.dirname(db.database.file), 'copy.db');
    copyFileSync(db.database.file, copy);
    const reopened = await openStore({
      database: { engine: 'sqlite', file: copy, isDefault: false },
      logger: db.logger,
    });
    expect((await reopened.decisions.recentInChannel('T0001', 'CCOPY')).decisions).toHaveLength(20);
    await reopened.close();
  });
});

describe('a backup of an SQLite file taken while the app writes', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await testDatabase('sqlite', 'backup');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('VACUUM INTO from another connection copies every committed record', async () => {
    const store = await db.open();
    onTestFinished(() => store.close());
    for (let i = 0; i < 20; i += 1)
      await store.decisions.record(await aDecision({ channelId: 'CBACKUP' }));
    if (db.database.engine !== 'sqlite') throw new Error('unreachable');
    const copy = path.join(path.dirname(db.database.file), 'backup.db');
    // What `sqlite3 data/chip-advice.db "VACUUM INTO 'backup.db'"` does, from another connection.
    await db.raw(`VACUUM INTO '${copy}'`);
    const restored = await openStore({
      database: { engine: 'sqlite', file: copy, isDefault: false },
      logger: db.logger,
    });
    onTestFinished(() => restored.close());
    expect((await restored.decisions.recentInChannel('T0001', 'CBACKUP')).decisions).toHaveLength(
      20,
    );
  });
});

/** A real full disk: a 4 MiB tmpfs for the database's folder, where this machine allows mounts (root). */
function mountTinyDisk(): string | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'chip-advice-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

const disk = process.getuid?.() === 0 ? mountTinyDisk() : undefined;

describe.runIf(disk)('an SQLite file on a disk that really fills up (a tmpfs of 4 MiB)', () => {
  const folder = disk as string;
  afterAll(() => {
    // Lazily: libsql releases the file when its statements are garbage-collected, not at close.
    execFileSync('umount', ['-l', folder]);
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps the records while the disk is full and writes them once space is freed', async () => {
    const { logger, sink } = testLogger();
    const store = await openStore({
      database: { engine: 'sqlite', file: path.join(folder, 'advice.db'), isDefault: false },
      logger,
    });
    onTestFinished(() => store.close());
    // Another file takes every byte left.
    const ballast = path.join(folder, 'ballast');
    const fd = openSync(ballast, 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(16 * 1024));
    } catch (error) {
      expect((error as { code?: string }).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
    const writer = createRecordWriter({ decisions: store.decisions, logger, firstDelayMs: 20 });
    const outcomes = [];
    for (let i = 0; i < 40; i += 1)
      outcomes.push(await writer.write(await aDecision({ channelId: 'CDISK' })));
    expect(outcomes).toContain('queued');
    const retry = sink
      .entries()
      .find((e) => e.msg === 'could not write a decision record; it is kept and will be retried');
    expect((retry?.err as { code?: string } | undefined)?.code).toMatch(/^SQLITE_(FULL|IOERR)/);

    unlinkSync(ballast);
    for (let i = 0; i < 200 && writer.pending > 0; i += 1) await sleep(25);
    expect(writer.pending).toBe(0);
    expect(
      (await store.decisions.recentInChannel('T0001', 'CDISK', { limit: 100 })).decisions,
    ).toHaveLength(40);
  });
});
