import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { openStore } from '../../src/storage/index.js';
import { migrationsFor } from '../../src/storage/migrations/index.js';
import { MAIN } from '../../testkit/project.js';
import { testLogger } from '../storage/support/engines.js';
import { test } from '../support/fixtures.js';
import {
  answerQuestionnaire,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
} from '../support/flows.js';
import { runCommand } from '../support/run-command.js';
import { TEAM_ID } from '../support/store-app.js';

const ENV = { SLACK_BOT_TOKEN: 'xoxb-main-store', SLACK_SIGNING_SECRET: 'main-store-secret' };
const folders: string[] = [];
const folder = () => {
  const made = mkdtempSync(path.join(tmpdir(), 'chip-advice-main-store-'));
  folders.push(made);
  return made;
};
afterAll(() => {
  for (const made of folders) rmSync(made, { recursive: true, force: true });
});

/** `npm start` with its store: opened before the start, closed after the requests in flight. */
describe('npm start and the store', () => {
  test('on a fresh machine keeps an SQLite file under ./data/, records the advice, and closes it on SIGTERM', async ({
    startProcess,
  }) => {
    const cwd = folder();
    const app = await startProcess({ ...ENV, LOG_LEVEL: 'info' }, undefined, { cwd });
    const file = path.join(cwd, 'data/chip-advice.db');
    expect(app.output()).toContain(`"database":"SQLite file ${file}"`);
    await answerQuestionnaire(app, await openFromCommand(app), INFERENCE_ANSWERS);
    const summary = await nthPosted(app, 1);
    await nthPosted(app, 2);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    // A clean stop folds the write-ahead log into the file.
    const wal = `${file}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const { logger } = testLogger();
    const store = await openStore({
      database: { engine: 'sqlite', file, isDefault: false },
      logger,
    });
    try {
      const { decisions } = await store.decisions.recentInChannel(TEAM_ID, 'C0GENERAL');
      expect(decisions.map((d) => d.summaryTs)).toEqual([summary.message.ts]);
    } finally {
      await store.close();
    }
  });

  const stops = async (env: Record<string, string>) => {
    const result = await runCommand(process.execPath, [MAIN], {
      env: { ...ENV, PORT: '0', ...env },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('listening on port');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    const lines = result.stderr.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    return lines[0];
  };

  test('stops, naming DATABASE_URL and what to check, when the SQLite folder does not exist', async () => {
    const file = path.join(folder(), 'missing/store.db');
    expect(await stops({ DATABASE_URL: `file:${file}` })).toBe(
      `chip-advice: cannot start: DATABASE_URL (SQLite file ${file}): the folder ${path.dirname(file)} does not exist: create it, or change the path`,
    );
  });

  test('stops when PostgreSQL cannot be reached, naming DATABASE_URL without its password', async () => {
    const line = await stops({ DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:9/test' });
    expect(line).toBe(
      'chip-advice: cannot start: DATABASE_URL (PostgreSQL postgres://postgres:***@127.0.0.1:9/test): nothing answers at that host and port: check the host and port, and that PostgreSQL is running',
    );
  });

  test('stops when the database was migrated by a newer version', async () => {
    const file = path.join(folder(), 'newer.db');
    const { logger } = testLogger();
    const newer = { ...migrationsFor('sqlite'), '9999-future': { up: async () => undefined } };
    const database = { engine: 'sqlite', file, isDefault: false } as const;
    await (await openStore({ database, logger, migrations: newer })).close();
    expect(await stops({ DATABASE_URL: `file:${file}` })).toContain(
      `DATABASE_URL (SQLite file ${file}) was migrated by a newer version of chip-advice (unknown migrations: 9999-future)`,
    );
  });

  test('stops when the file is not a database', async () => {
    const file = path.join(folder(), 'notes.db');
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(200));
    expect(await stops({ DATABASE_URL: `file:${file}` })).toContain(
      `DATABASE_URL (SQLite file ${file}): the file is not an SQLite database`,
    );
  });
});
