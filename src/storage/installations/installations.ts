import type { Kysely, Selectable } from 'kysely';
import { StoredDataInvalidError } from '../../errors.js';
import type { Engine, InstallationsTable, StorageSchema } from '../schema.js';
import type { TokenCipher } from './cipher.js';

/** What an installation is keyed by; an org-wide install has an enterprise and no team. */
export interface InstallationKey {
  readonly enterpriseId: string | undefined;
  readonly teamId: string | undefined;
  readonly isEnterpriseInstall: boolean;
}

/** An installation as the app hands it over: `payload` holds the tokens and is sealed. */
export interface NewInstallation {
  readonly key: InstallationKey;
  readonly payload: Record<string, unknown>;
  /** When the bot token expires (token rotation on), epoch ms. */
  readonly botExpiresAt: number | undefined;
  readonly appId?: string | undefined;
  readonly botUserId?: string | undefined;
  readonly installerUserId?: string | undefined;
}

export interface StoredInstallation extends NewInstallation {
  readonly installedAt: number;
  readonly updatedAt: number;
}

/** What a renewal writes: new tokens and their expiry. */
export interface Renewal {
  readonly payload: Record<string, unknown>;
  readonly botExpiresAt: number | undefined;
}

/** The installations of multi-workspace mode, newest per key, tokens sealed at rest. */
export interface Installations {
  /** Stores an installation, replacing the one of its key (a reinstall is the newest). */
  save(installation: NewInstallation): Promise<void>;
  /** The installation of exactly this key. */
  get(key: InstallationKey): Promise<StoredInstallation | undefined>;
  /**
   * Runs `renew` on the installation of `key` while holding it: a row lock (`select … for
   * update`) on PostgreSQL, so two processes never renew one installation at once and the
   * second sees what the first wrote; on SQLite the transaction itself (it begins IMMEDIATE,
   * taking the database's write lock). `renew` returns what to write, or undefined to leave it.
   * Resolves with the installation as it is after, or undefined when there is none.
   */
  renew(
    key: InstallationKey,
    renew: (current: StoredInstallation) => Promise<Renewal | undefined>,
  ): Promise<StoredInstallation | undefined>;
  /** Deletes the installation of `key` (its tokens); 0 when there was none. */
  delete(key: InstallationKey): Promise<number>;
}

const keyColumns = (key: InstallationKey) => ({
  enterprise_id: key.enterpriseId ?? '',
  team_id: key.isEnterpriseInstall ? '' : (key.teamId ?? ''),
  is_enterprise_install: key.isEnterpriseInstall ? 1 : 0,
});

/** The row's key in words: the context the sealed payload is bound to. */
const contextOf = (key: InstallationKey) => {
  const k = keyColumns(key);
  return `${k.enterprise_id}/${k.team_id}/${k.is_enterprise_install}`;
};

const number = (value: number | string | null) => (value === null ? undefined : Number(value));

/** The installations module over a migrated database. */
export function createInstallations(
  db: Kysely<StorageSchema>,
  engine: Engine,
  cipher: TokenCipher,
  now: () => number = Date.now,
): Installations {
  const read = (row: Selectable<InstallationsTable>): StoredInstallation => {
    const key: InstallationKey = {
      enterpriseId: row.enterprise_id || undefined,
      teamId: row.team_id || undefined,
      isEnterpriseInstall: row.is_enterprise_install === 1,
    };
    const what = `installation ${contextOf(key)} in the database`;
    let payload: unknown;
    try {
      payload = JSON.parse(cipher.open(row.sealed, contextOf(key)));
    } catch (error) {
      throw new StoredDataInvalidError(
        what,
        [
          'its tokens do not decrypt: the token key (SLACK_TOKEN_ENCRYPTION_KEY or SLACK_STATE_SECRET) is not the one they were stored with, or the row was changed; install the app again in that workspace',
        ],
        { cause: error },
      );
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      throw new StoredDataInvalidError(what, ['its payload is not an object']);
    }
    return {
      key,
      payload: payload as Record<string, unknown>,
      botExpiresAt: number(row.bot_expires_at),
      appId: row.app_id ?? undefined,
      botUserId: row.bot_user_id ?? undefined,
      installerUserId: row.installer_user_id ?? undefined,
      installedAt: Number(row.installed_at),
      updatedAt: Number(row.updated_at),
    };
  };
  const byKey = (key: InstallationKey) => {
    const k = keyColumns(key);
    return db
      .selectFrom('installations')
      .selectAll()
      .where('enterprise_id', '=', k.enterprise_id)
      .where('team_id', '=', k.team_id)
      .where('is_enterprise_install', '=', k.is_enterprise_install);
  };

  return {
    async save(installation) {
      const at = now();
      const sealed = cipher.seal(JSON.stringify(installation.payload), contextOf(installation.key));
      const columns = {
        app_id: installation.appId ?? null,
        bot_user_id: installation.botUserId ?? null,
        installer_user_id: installation.installerUserId ?? null,
        sealed,
        bot_expires_at: installation.botExpiresAt ?? null,
        updated_at: at,
      };
      await db
        .insertInto('installations')
        .values({ ...keyColumns(installation.key), ...columns, installed_at: at })
        .onConflict((conflict) =>
          conflict
            .columns(['enterprise_id', 'team_id', 'is_enterprise_install'])
            .doUpdateSet({ ...columns, installed_at: at }),
        )
        .execute();
    },
    async get(key) {
      const row = await byKey(key).executeTakeFirst();
      return row === undefined ? undefined : read(row);
    },
    async renew(key, renew) {
      return db.transaction().execute(async (trx) => {
        const k = keyColumns(key);
        const select = trx
          .selectFrom('installations')
          .selectAll()
          .where('enterprise_id', '=', k.enterprise_id)
          .where('team_id', '=', k.team_id)
          .where('is_enterprise_install', '=', k.is_enterprise_install);
        // SQLite has no FOR UPDATE; its IMMEDIATE transaction already holds the write lock.
        const row = await (engine === 'postgres' ? select.forUpdate() : select).executeTakeFirst();
        if (row === undefined) return undefined;
        const current = read(row);
        const renewal = await renew(current);
        if (renewal === undefined) return current;
        const at = now();
        await trx
          .updateTable('installations')
          .set({
            sealed: cipher.seal(JSON.stringify(renewal.payload), contextOf(key)),
            bot_expires_at: renewal.botExpiresAt ?? null,
            updated_at: at,
          })
          .where('enterprise_id', '=', k.enterprise_id)
          .where('team_id', '=', k.team_id)
          .where('is_enterprise_install', '=', k.is_enterprise_install)
          .execute();
        return { ...current, ...renewal, updatedAt: at };
      });
    },
    async delete(key) {
      const k = keyColumns(key);
      const result = await db
        .deleteFrom('installations')
        .where('enterprise_id', '=', k.enterprise_id)
        .where('team_id', '=', k.team_id)
        .where('is_enterprise_install', '=', k.is_enterprise_install)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
