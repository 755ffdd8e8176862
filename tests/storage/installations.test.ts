import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoredDataInvalidError } from '../../src/errors.js';
import {
  createTokenCipher,
  type InstallationKey,
  type Installations,
  type Store,
  type StoredInstallation,
} from '../../src/storage/index.js';
import { ENGINES, type TestDatabase, testDatabase } from './support/engines.js';

const KEY = 'state-secret-for-the-installations-test';
let serial = 0;
/** A workspace key of its own for each test. */
const workspace = (enterpriseId?: string): InstallationKey => {
  serial += 1;
  return { enterpriseId, teamId: `T${serial}`, isEnterpriseInstall: false };
};
const installation = (key: InstallationKey, token: string, botExpiresAt?: number) => ({
  key,
  payload: { bot: { token, refreshToken: `xoxe-1-${token}` } },
  botExpiresAt,
  appId: 'A1',
  botUserId: 'U0BOT',
  installerUserId: 'U1',
});

describe('the token cipher', () => {
  const cipher = createTokenCipher(KEY);

  it('seals to a different text each time, and opens only with the same key and context', () => {
    const one = cipher.seal('xoxb-secret', 'E/T/0');
    expect(one).not.toBe(cipher.seal('xoxb-secret', 'E/T/0'));
    expect(one).not.toContain('xoxb');
    expect(cipher.open(one, 'E/T/0')).toBe('xoxb-secret');
    expect(() => cipher.open(one, 'E/T2/0')).toThrow();
    expect(() => createTokenCipher(`${KEY}!`).open(one, 'E/T/0')).toThrow();
    const flipped = `${one.slice(0, -2)}${one.endsWith('A') ? 'B' : 'A'}${one.slice(-1)}`;
    expect(() => cipher.open(flipped, 'E/T/0')).toThrow();
  });
});

describe.each(ENGINES)('installations on %s', (engine) => {
  let db: TestDatabase;
  let one: Store;
  let two: Store;
  let first: Installations;
  let second: Installations;

  beforeAll(async () => {
    db = await testDatabase(engine, 'installs');
    // Two stores on one database: two replicas' connections.
    one = await db.open();
    two = await db.open();
    first = one.installations(KEY);
    second = two.installations(KEY);
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await db?.drop();
  });

  it('stores an installation with its tokens sealed, and reads it back from another store', async () => {
    const key = workspace('E1');
    await first.save(installation(key, 'xoxb-plain-token', 1_900_000_000_000));
    const read = await second.get(key);
    expect(read).toMatchObject({
      key,
      payload: { bot: { token: 'xoxb-plain-token' } },
      botExpiresAt: 1_900_000_000_000,
      botUserId: 'U0BOT',
    });
    const rows = await db.raw(
      'select * from installations where team_id = $1'.replace('$1', `'${key.teamId}'`),
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toMatch(/xox[be]-/);
  });

  it('keeps the newest installation per key: a reinstall replaces the tokens', async () => {
    const key = workspace();
    await first.save(installation(key, 'xoxb-old'));
    await second.save(installation(key, 'xoxb-new'));
    expect((await first.get(key))?.payload).toMatchObject({ bot: { token: 'xoxb-new' } });
    const rows = await db.raw(`select team_id from installations where team_id = '${key.teamId}'`);
    expect(rows).toHaveLength(1);
  });

  it('keys by enterprise, team and org-wide install: each is its own installation', async () => {
    const team = workspace();
    const inGrid = { ...team, enterpriseId: 'E9' };
    const org: InstallationKey = {
      enterpriseId: 'E9',
      teamId: undefined,
      isEnterpriseInstall: true,
    };
    await first.save(installation(team, 'xoxb-team'));
    await first.save(installation(inGrid, 'xoxb-grid-team'));
    await first.save(installation(org, 'xoxb-org'));
    expect((await second.get(team))?.payload).toMatchObject({ bot: { token: 'xoxb-team' } });
    expect((await second.get(inGrid))?.payload).toMatchObject({ bot: { token: 'xoxb-grid-team' } });
    expect(await second.get(org)).toMatchObject({
      key: org,
      payload: { bot: { token: 'xoxb-org' } },
    });
    // An org-wide install is found by its enterprise, whatever team id the query carries.
    expect((await second.get({ ...org, teamId: 'T-any' }))?.payload).toMatchObject({
      bot: { token: 'xoxb-org' },
    });
  });

  it('deletes an installation once; deleting again finds nothing', async () => {
    const key = workspace();
    await first.save(installation(key, 'xoxb-gone'));
    expect(await first.delete(key)).toBe(1);
    expect(await second.delete(key)).toBe(0);
    expect(await second.get(key)).toBeUndefined();
  });

  it('refuses to read tokens sealed with another key, saying what to do', async () => {
    const key = workspace();
    await first.save(installation(key, 'xoxb-other-key'));
    const error = await two
      .installations('a-different-state-secret')
      .get(key)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoredDataInvalidError);
    expect((error as Error).message).toMatch(
      /do not decrypt: the token key .* install the app again/,
    );
  });

  it('refuses a sealed value moved to another row', async () => {
    const from = workspace();
    const to = workspace();
    await first.save(installation(from, 'xoxb-from'));
    await first.save(installation(to, 'xoxb-to'));
    await db.raw(
      `update installations set sealed = (select sealed from installations where team_id = '${from.teamId}') where team_id = '${to.teamId}'`,
    );
    await expect(first.get(to)).rejects.toBeInstanceOf(StoredDataInvalidError);
  });

  // PostgreSQL: two stores are two replicas. SQLite serves one process (libsql's driver is
  // synchronous: a second connection in this process waiting on the lock would block the first),
  // so there the two renewals come from one store, as two requests of one process do.
  it('two renewals of one installation at once: the second waits and sees the first', async () => {
    const other = engine === 'postgres' ? second : first;
    const key = workspace();
    await first.save(installation(key, 'xoxb-expiring', 1000));
    let refreshes = 0;
    const renewIfExpiring = async (current: StoredInstallation) => {
      if ((current.botExpiresAt ?? 0) > 1000) return undefined;
      refreshes += 1;
      // The refresh call to Slack takes a while; the other store must not start its own.
      await sleep(150);
      return { payload: { bot: { token: 'xoxb-renewed' } }, botExpiresAt: 2_000_000_000_000 };
    };
    const [a, b] = await Promise.all([
      first.renew(key, renewIfExpiring),
      other.renew(key, renewIfExpiring),
    ]);
    expect(refreshes).toBe(1);
    expect(a?.payload).toEqual({ bot: { token: 'xoxb-renewed' } });
    expect(b?.payload).toEqual({ bot: { token: 'xoxb-renewed' } });
    expect((await first.get(key))?.botExpiresAt).toBe(2_000_000_000_000);
  });

  it('renews nothing for a key without an installation', async () => {
    let called = false;
    const renewed = await first.renew(workspace(), async () => {
      called = true;
      return undefined;
    });
    expect(renewed).toBeUndefined();
    expect(called).toBe(false);
  });
});
