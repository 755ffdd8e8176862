import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { ConfigInvalidError } from '../../src/errors.js';
import { describeDatabase } from '../../src/storage/index.js';

const HTTP = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'secret' };

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    readConfig({ ...HTTP, ...env });
  } catch (error) {
    if (error instanceof ConfigInvalidError) return error.problems;
    throw error;
  }
  throw new Error('expected the config to be rejected');
};

describe('DATABASE_URL', () => {
  it.each([
    [
      'unset',
      undefined,
      { engine: 'sqlite', file: path.resolve('data/chip-advice.db'), isDefault: true },
    ],
    [
      'blank',
      '  ',
      { engine: 'sqlite', file: path.resolve('data/chip-advice.db'), isDefault: true },
    ],
    [
      'file: with a relative path',
      'file:var/advice.db',
      { engine: 'sqlite', file: path.resolve('var/advice.db'), isDefault: false },
    ],
    [
      'file: with an absolute path',
      'file:/srv/chip/advice.db',
      { engine: 'sqlite', file: '/srv/chip/advice.db', isDefault: false },
    ],
    [
      'a file:/// URL',
      'file:///srv/chip/advice.db',
      { engine: 'sqlite', file: '/srv/chip/advice.db', isDefault: false },
    ],
    [
      'postgres://',
      'postgres://app@db.internal:5433/chip',
      { engine: 'postgres', url: 'postgres://app@db.internal:5433/chip', password: undefined },
    ],
    [
      'postgresql:// with a password',
      'postgresql://app:s%40cret-pass@db/chip?sslmode=require',
      {
        engine: 'postgres',
        url: 'postgresql://app:s%40cret-pass@db/chip?sslmode=require',
        password: 's@cret-pass',
      },
    ],
  ])('%s', (_name, value, expected) => {
    const env = value === undefined ? HTTP : { ...HTTP, DATABASE_URL: value };
    expect(readConfig(env).database).toEqual(expected);
  });

  it.each([
    ['mysql://root@db/chip', 'DATABASE_URL uses "mysql:", which is not supported'],
    ['sqlite:advice.db', 'DATABASE_URL uses "sqlite:", which is not supported'],
    ['./data/advice.db', 'DATABASE_URL is not a file: or postgres:// URL'],
    ['file:', 'DATABASE_URL has no usable path after file: (got "file:")'],
    ['file:data/', 'DATABASE_URL has no usable path after file: (got "file:data/")'],
    ['postgres://', 'DATABASE_URL has no host name (postgres://USER@HOST/DATABASE)'],
    ['postgres://db:port/chip', 'DATABASE_URL is not a valid postgres:// URL'],
    ['postgres:///chip', 'DATABASE_URL has no host name (postgres://USER@HOST/DATABASE)'],
    [
      'postgres://app:50%off@db/chip',
      'DATABASE_URL has a user name or password that is not percent-encoded (write % as %25)',
    ],
    [
      'postgres://a%zz:pw@db/chip',
      'DATABASE_URL has a user name or password that is not percent-encoded (write % as %25)',
    ],
  ])('refuses %s, naming DATABASE_URL and what to set', (value, start) => {
    const [problem, ...others] = problemsOf({ DATABASE_URL: value });
    expect(others).toEqual([]);
    expect(problem).toBe(
      `${start}: set file:PATH for a SQLite file, postgres://USER:PASSWORD@HOST:PORT/DATABASE for PostgreSQL, or unset it for an SQLite file under ./data/`,
    );
  });

  it('never repeats a refused URL, which may hold a password', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://root:hunter2-secret@db/chip' });
    expect(problem).not.toContain('hunter2');
  });

  it('adds the PostgreSQL password to the secrets scrubbed from logs, and masks it when describing', () => {
    const config = readConfig({
      ...HTTP,
      DATABASE_URL: 'postgres://app:hunter2-secret@db:5432/chip?sslmode=require',
    });
    expect(config.secrets).toContain('hunter2-secret');
    expect(describeDatabase(config.database)).toBe('PostgreSQL postgres://app:***@db:5432/chip');
  });
});

describe('DECISION_RETENTION_DAYS', () => {
  it('is unset by default (decisions are kept) and reads a number of days', () => {
    expect(readConfig(HTTP).decisionRetentionDays).toBeUndefined();
    expect(readConfig({ ...HTTP, DECISION_RETENTION_DAYS: '365' }).decisionRetentionDays).toBe(365);
  });

  it.each([
    ['0', 'DECISION_RETENTION_DAYS must be at least 1'],
    ['36501', 'DECISION_RETENTION_DAYS must be at most 36500'],
    ['30d', 'DECISION_RETENTION_DAYS must be a number of days (got "30d")'],
    ['-5', 'DECISION_RETENTION_DAYS must be a number of days (got "-5")'],
  ])('refuses %s', (value, start) => {
    expect(problemsOf({ DECISION_RETENTION_DAYS: value })).toEqual([
      `${start}: set a whole number of days from 1 to 36500, or unset it to keep decisions`,
    ]);
  });
});
