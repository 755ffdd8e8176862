import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../../src/errors.js';
import { postgresOpenError } from '../../src/storage/engines/open-errors.js';
import { type DatabaseConfig, openStore } from '../../src/storage/index.js';
import { POSTGRES_URL, testLogger } from './support/engines.js';
import { TcpProxy } from './support/tcp-proxy.js';

const { logger } = testLogger();
/** Runs a child process as the unprivileged `nobody`. */
const NOBODY = { uid: 65534, gid: 65534 };
const sqlite = (file: string, isDefault = false): DatabaseConfig => ({
  engine: 'sqlite',
  file,
  isDefault,
});
const postgres = (url: string): DatabaseConfig => ({
  engine: 'postgres',
  url,
  password: new URL(url).password || undefined,
});

/** The message openStore stops the start with. */
async function failure(database: DatabaseConfig, connectMs = 5000): Promise<string> {
  const error = await openStore({ database, logger, timeouts: { connectMs, queryMs: 5000 } }).then(
    async (store) => {
      await store.close();
      throw new Error('expected the store not to open');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StorageUnavailableError);
  expect((error as StorageUnavailableError).code).toBe('chip_advice_storage_unavailable');
  return (error as Error).message;
}

describe('an SQLite file that cannot be opened stops the start, saying what to check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'chip-advice-open-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the default folder on first start', async () => {
    const file = path.join(dir, 'data', 'chip-advice.db');
    const store = await openStore({ database: sqlite(file, true), logger });
    await store.close();
    expect(existsSync(file)).toBe(true);
  });

  it('a folder that does not exist (only the default one is created)', async () => {
    const file = path.join(dir, 'missing', 'advice.db');
    expect(await failure(sqlite(file))).toBe(
      `DATABASE_URL (SQLite file ${file}): the folder ${path.dirname(file)} does not exist: create it, or change the path`,
    );
  });

  it('a path whose folder is a file', async () => {
    const notFolder = path.join(dir, 'plain');
    writeFileSync(notFolder, 'x');
    expect(await failure(sqlite(path.join(notFolder, 'advice.db')))).toMatch(
      /plain is not a folder: change the path$/,
    );
  });

  it('a file that is not a database', async () => {
    const file = path.join(dir, 'notes.db');
    writeFileSync(file, 'These are my meeting notes, not a database.\n'.repeat(200));
    expect(await failure(sqlite(file))).toBe(
      `DATABASE_URL (SQLite file ${file}): the file is not an SQLite database (or is encrypted): point DATABASE_URL at another file, or restore it from a backup`,
    );
  });

  it('a database file whose schema page is corrupt', async () => {
    const file = path.join(dir, 'corrupt.db');
    await (await openStore({ database: sqlite(file), logger })).close();
    // Keep the 100-byte header, scribble over the rest of page 1 (the schema table).
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(3000), 0, 3000, 100);
    expect(await failure(sqlite(file))).toMatch(
      /: the (database file is corrupt|file is not an SQLite database)/,
    );
  });

  it('a folder this user cannot write to', async (context) => {
    const locked = path.join(dir, 'locked');
    mkdirSync(locked, { mode: 0o755 });
    const file = path.join(locked, 'advice.db');
    const expected = new RegExp(
      `^DATABASE_URL \\(SQLite file ${file}\\): the folder ${locked} is not writable by this user \\(EACCES\\): check its permissions or owner$`,
    );
    if (process.getuid?.() !== 0) {
      chmodSync(locked, 0o555);
      expect(await failure(sqlite(file))).toMatch(expected);
      return;
    }
    // As root every folder is writable: open it as `nobody` instead, in a process of its own.
    // That process runs a copy of this Node binary, since the one under test may sit in a folder
    // `nobody` cannot reach (.ci/run keeps Node 22 and 24 under /root/.cache).
    chmodSync(dir, 0o755);
    const node = path.join(dir, 'node');
    copyFileSync(process.execPath, node);
    chmodSync(node, 0o755);
    const dist = path.resolve('dist/storage/index.js');
    const reachable = await new Promise<boolean>((resolve) => {
      execFile(node, ['-e', `require('fs').accessSync(${JSON.stringify(dist)})`], NOBODY, (error) =>
        resolve(!error),
      );
    });
    // A checkout inside a folder only root may enter (a `mktemp -d` clone) cannot be run as nobody.
    if (!reachable) return context.skip(`nobody cannot read ${dist}: run from a readable checkout`);
    const message = await new Promise<string>((resolve) => {
      const script = `import('${path.resolve('dist/storage/index.js')}').then(async ({ openStore }) => {
        const { createLogger } = await import('${path.resolve('dist/logger.js')}');
        const logger = createLogger({ level: 'silent', format: 'json' });
        await openStore({ database: ${JSON.stringify(sqlite(file))}, logger }).catch((e) => console.log(e.message));
      });`;
      execFile(node, ['-e', script], NOBODY, (error, stdout, stderr) =>
        resolve(stdout.trim() || `child failed: ${error?.message ?? ''} ${stderr}`),
      );
    });
    expect(message).toMatch(expected);
  });
});

describe('a PostgreSQL server that cannot be used stops the start, saying what to check', () => {
  it('nothing listening at the host and port', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(
      await failure(postgres(`postgres://postgres:hunter2-secret@127.0.0.1:${port}/test`)),
    ).toBe(
      `DATABASE_URL (PostgreSQL postgres://postgres:***@127.0.0.1:${port}/test): nothing answers at that host and port: check the host and port, and that PostgreSQL is running`,
    );
  });

  it('a server that accepts the connection and never answers', async () => {
    const proxy = await TcpProxy.start();
    proxy.blackhole();
    try {
      expect(await failure(postgres(proxy.url()), 300)).toMatch(
        /: the server did not answer in time: check the host, port and firewall, and that the server is not overloaded$/,
      );
    } finally {
      await proxy.close();
    }
  });

  it('a user the server does not know', async () => {
    expect(await failure(postgres(POSTGRES_URL.replace('postgres@', 'no_such_user@')))).toMatch(
      /: the server refused this user: check the user name, and pg_hba.conf on the server$/,
    );
  });

  it('a database that does not exist', async () => {
    expect(
      await failure(postgres(POSTGRES_URL.replace('/test', '/no_such_database_9f3a'))),
    ).toMatch(
      /: the database does not exist: create it \(createdb NAME\) or check its name in the URL$/,
    );
  });

  it.each([
    ['28P01', 'authentication failed: check the user name and password'],
    ['ENOTFOUND', 'the host name does not resolve: check the host in DATABASE_URL'],
    ['EHOSTUNREACH', 'the host is unreachable: check the host and the network'],
    [
      '42501',
      'this user lacks a privilege the app needs: grant it CREATE on the database and its schema',
    ],
  ])('%s (as the driver reports it)', (code, hint) => {
    const error = Object.assign(new Error('driver message'), { code });
    expect(postgresOpenError('PostgreSQL postgres://db/chip', error).message).toBe(
      `DATABASE_URL (PostgreSQL postgres://db/chip): ${hint}`,
    );
  });
});
