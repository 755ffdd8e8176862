import { describe, expect, it } from 'vitest';
import { whileBusy } from '../../src/storage/engines/sqlite.js';

/** An error shaped like libsql's: a `code` such as SQLITE_BUSY or SQLITE_BUSY_SNAPSHOT. */
const sqliteError = (code: string) =>
  Object.assign(new Error(`${code}: database is locked`), { code });

/** An attempt that fails with `errors` in turn, then answers 'open'; counts its calls. */
function failing(errors: readonly Error[]) {
  const calls = { count: 0 };
  const attempt = () => {
    const error = errors[calls.count];
    calls.count += 1;
    if (error) throw error;
    return 'open';
  };
  return { attempt, calls };
}

/**
 * The open of a SQLite file that another process is switching to WAL at the same moment: SQLite
 * answers SQLITE_BUSY at once (without its busy handler), and the open is tried again.
 */
describe('opening SQLite while another process holds the file', () => {
  it.each([
    ['succeeds at once', [], 1],
    ['is tried again after one SQLITE_BUSY', [sqliteError('SQLITE_BUSY')], 2],
    ['is tried again after three', Array.from({ length: 3 }, () => sqliteError('SQLITE_BUSY')), 4],
    ['treats the extended codes as busy too', [sqliteError('SQLITE_BUSY_RECOVERY')], 2],
  ])('%s', async (_, errors, calls) => {
    const run = failing(errors);
    await expect(whileBusy(run.attempt, 5_000)).resolves.toBe('open');
    expect(run.calls.count).toBe(calls);
  });

  it.each([
    ['a file that is not a database', sqliteError('SQLITE_NOTADB')],
    ['a read-only folder', sqliteError('SQLITE_CANTOPEN')],
    ['an error without a code', new Error('boom')],
  ])('is not tried again for %s', async (_, error) => {
    const run = failing([error]);
    await expect(whileBusy(run.attempt, 5_000)).rejects.toBe(error);
    expect(run.calls.count).toBe(1);
  });

  it('gives up with the busy error once the time bound has passed', async () => {
    const busy = sqliteError('SQLITE_BUSY');
    const run = failing(Array.from({ length: 10_000 }, () => busy));
    await expect(whileBusy(run.attempt, 500)).rejects.toBe(busy);
    // Waits of 5, 10, 20, … up to 200 ms: about 7 attempts fit in 500 ms, not thousands.
    expect(run.calls.count).toBeGreaterThan(1);
    expect(run.calls.count).toBeLessThan(20);
  });
});
