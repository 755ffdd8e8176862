import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import { InstallationMissingError, InstallationUnavailableError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { InstallationKey, Installations, StoredInstallation } from '../../storage/index.js';
import { type BotTokenRefresher, needsRefresh, REFRESH_MARGIN_MS } from './token-rotation.js';

/** How long a looked-up installation is reused without asking the database again. */
export const LOOKUP_CACHE_MS = 30_000;
const CACHE_ENTRIES = 10_000;

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/** The key an installation from Slack is stored under: org-wide installs by enterprise alone. */
export function keyOfInstallation(installation: AnyInstallation): InstallationKey {
  const org = installation.isEnterpriseInstall === true && installation.enterprise !== undefined;
  return {
    enterpriseId: installation.enterprise?.id,
    teamId: org ? undefined : installation.team?.id,
    isEnterpriseInstall: org,
  };
}

const cacheKey = (key: InstallationKey) =>
  `${key.enterpriseId ?? ''}/${key.isEnterpriseInstall ? '' : (key.teamId ?? '')}/${key.isEnterpriseInstall}`;

/**
 * Without its refresh token, so that Bolt's InstallProvider never refreshes on its own (outside
 * the lock): rotation happens here, in {@link DatabaseInstallationStore.fetchInstallation}.
 */
function withoutRefresh(installation: AnyInstallation): AnyInstallation {
  const { refreshToken: _bot, expiresAt: _botExpiry, ...bot } = installation.bot ?? {};
  const { refreshToken: _user, expiresAt: _userExpiry, ...user } = installation.user;
  return {
    ...installation,
    user: user as AnyInstallation['user'],
    ...(installation.bot ? { bot: bot as NonNullable<AnyInstallation['bot']> } : {}),
  };
}

/**
 * Bolt's installation store over the `installations` table: what the OAuth redirect stores and
 * what Bolt's `authorize` looks up for every request. Look-ups are cached for 30 seconds (a
 * trigger_id lives 3 seconds; a database round trip should not eat into it), and a removal
 * clears this process's cache at once (other processes within 30 seconds). An expiring bot token
 * (token rotation) is refreshed under the installation's lock before it is handed out.
 * @see https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth
 */
export class DatabaseInstallationStore implements InstallationStore {
  readonly #cache = new LRUCache<string, StoredInstallation>({
    max: CACHE_ENTRIES,
    ttl: LOOKUP_CACHE_MS,
  });

  constructor(
    private readonly installations: Installations,
    private readonly refresher: BotTokenRefresher,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async storeInstallation(installation: Installation<'v1' | 'v2', boolean>): Promise<void> {
    const key = keyOfInstallation(installation);
    const expiresAt = installation.bot?.expiresAt;
    await this.installations.save({
      key,
      payload: installation as unknown as Record<string, unknown>,
      botExpiresAt: expiresAt === undefined ? undefined : expiresAt * 1000,
      appId: installation.appId,
      botUserId: installation.bot?.userId,
      installerUserId: installation.user.id,
    });
    this.#cache.delete(cacheKey(key));
    this.logger.info(
      { teamId: key.teamId, enterpriseId: key.enterpriseId, org: key.isEnterpriseInstall },
      'installation stored',
    );
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<AnyInstallation> {
    let found = await this.lookup(query).catch((error: unknown) => {
      throw new InstallationUnavailableError(query.teamId, { cause: error });
    });
    if (found === undefined) {
      const where = { teamId: query.teamId, enterpriseId: query.enterpriseId };
      this.logger.warn(where, 'request from a workspace without an installation: not processed');
      throw new InstallationMissingError(query.teamId, query.enterpriseId);
    }
    if (needsRefresh(found.botExpiresAt, this.now())) found = await this.refresh(found);
    return withoutRefresh(found.payload as unknown as AnyInstallation);
  }

  /** Deletes the installation of `key` (its tokens); resolves with how many rows went. */
  async remove(key: InstallationKey): Promise<number> {
    this.#cache.delete(cacheKey(key));
    const removed = await this.installations.delete(key);
    this.#cache.delete(cacheKey(key));
    return removed;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.remove({
      enterpriseId: query.enterpriseId,
      teamId: query.teamId,
      isEnterpriseInstall: query.isEnterpriseInstall,
    });
  }

  /** The workspace's own installation; else, in an Enterprise Grid org, the org-wide one. */
  private async lookup(query: InstallationQuery<boolean>) {
    const org: InstallationKey = {
      enterpriseId: query.enterpriseId,
      teamId: undefined,
      isEnterpriseInstall: true,
    };
    if (query.isEnterpriseInstall && query.enterpriseId) return this.cached(org);
    const own = await this.cached({
      enterpriseId: query.enterpriseId,
      teamId: query.teamId,
      isEnterpriseInstall: false,
    });
    return own ?? (query.enterpriseId ? this.cached(org) : undefined);
  }

  private async cached(key: InstallationKey) {
    const hit = this.#cache.get(cacheKey(key));
    if (hit) return hit;
    const found = await this.installations.get(key);
    if (found) this.#cache.set(cacheKey(key), found);
    return found;
  }

  /**
   * Renews the bot token while holding the installation (see `Installations.renew`): another
   * process that got there first has already written a fresh token, and it is used as it is.
   * If Slack cannot be reached, a token that has not yet expired is used; an expired one fails.
   */
  private async refresh(found: StoredInstallation): Promise<StoredInstallation> {
    const where = { teamId: found.key.teamId, enterpriseId: found.key.enterpriseId };
    try {
      const renewed = await this.installations.renew(found.key, async (current) => {
        if (!needsRefresh(current.botExpiresAt, this.now())) return undefined;
        const renewal = await this.refresher(current.payload as unknown as AnyInstallation);
        this.logger.info(where, 'bot token refreshed (token rotation)');
        return renewal;
      });
      if (renewed === undefined) throw new Error('the installation was removed');
      this.#cache.set(cacheKey(found.key), renewed);
      return renewed;
    } catch (error) {
      const expired = (found.botExpiresAt ?? 0) <= this.now();
      this.logger[expired ? 'error' : 'warn'](
        { ...where, err: error, marginMs: REFRESH_MARGIN_MS },
        expired
          ? 'could not refresh the expired bot token: not processed'
          : 'could not refresh the bot token; using it until it expires',
      );
      if (expired) throw error;
      return found;
    }
  }
}
