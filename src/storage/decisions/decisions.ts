import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import { StoredDataInvalidError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { StorageSchema } from '../schema.js';
import {
  checkNewDecision,
  type Decision,
  type DecisionRow,
  decisionOf,
  type NewDecision,
  rowOf,
} from './decision-row.js';

/** Decisions read for a list, and how many records were skipped because they cannot be read. */
export interface DecisionList {
  readonly decisions: readonly Decision[];
  /** Records that failed validation; each was logged with its id and problems. */
  readonly unreadable: number;
}

export interface ListOptions {
  /** Most decisions returned (1 to 10,000); defaults differ per query. */
  readonly limit?: number;
}

/** The decision records: written once per delivered advice, read for history and portfolios. */
export interface Decisions {
  /**
   * Records a delivered advice. `written`, or `already-written` when this summary was recorded
   * before (a retried write whose first answer was lost). Throws StoredDataInvalidError for a
   * decision that is not the documented shape, and the driver's error when the database fails.
   */
  record(decision: NewDecision): Promise<'written' | 'already-written'>;
  /** The current decision of each thread in a channel (its latest record), newest first. */
  currentInChannel(teamId: string, channelId: string, options?: ListOptions): Promise<DecisionList>;
  /** A channel's records, newest first, superseded ones included (and marked). */
  recentInChannel(teamId: string, channelId: string, options?: ListOptions): Promise<DecisionList>;
  /** The records a person asked for in a workspace, newest first. */
  recentByUser(teamId: string, userId: string, options?: ListOptions): Promise<DecisionList>;
  /** A thread's current decision; throws StoredDataInvalidError when that record is unreadable. */
  currentInThread(
    teamId: string,
    channelId: string,
    threadTs: string,
  ): Promise<Decision | undefined>;
  /** Deletes every record of a workspace (an uninstall); returns how many. */
  deleteWorkspace(teamId: string): Promise<number>;
  /** Deletes every record of an Enterprise Grid organisation (an org-wide uninstall). */
  deleteEnterprise(enterpriseId: string): Promise<number>;
  /** Deletes records decided before `cutoff` (retention); returns how many. */
  pruneDecidedBefore(cutoff: Date): Promise<number>;
}

const MAX_LIMIT = 10_000;
const limitOf = (options: ListOptions | undefined, fallback: number) =>
  Math.min(MAX_LIMIT, Math.max(1, Math.trunc(options?.limit ?? fallback)));

type Db = Kysely<StorageSchema>;
type From = StorageSchema & { d: StorageSchema['decisions'] };

/** A later record of the same thread: by decision time, then by id for records made at once. */
const newerInThread = (eb: ExpressionBuilder<From, 'd'>) =>
  eb.exists(
    eb
      .selectFrom('decisions as n')
      .select('n.id')
      .whereRef('n.team_id', '=', 'd.team_id')
      .whereRef('n.channel_id', '=', 'd.channel_id')
      .whereRef('n.thread_ts', '=', 'd.thread_ts')
      .where((n) =>
        n.or([
          n('n.decided_at', '>', n.ref('d.decided_at')),
          n.and([n('n.decided_at', '=', n.ref('d.decided_at')), n('n.id', '>', n.ref('d.id'))]),
        ]),
      ),
  );

/** The decisions module over a migrated database. */
export function createDecisions(db: Db, logger: Logger): Decisions {
  const rows = () =>
    db
      .selectFrom('decisions as d')
      .selectAll('d')
      .select((eb) => newerInThread(eb).as('superseded'));

  async function list(
    query: SelectQueryBuilder<From, 'd', DecisionRow>,
    limit: number,
  ): Promise<DecisionList> {
    const found = await query
      .orderBy('d.decided_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(limit)
      .execute();
    const decisions: Decision[] = [];
    let unreadable = 0;
    for (const row of found) {
      try {
        decisions.push(decisionOf(row));
      } catch (error) {
        if (!(error instanceof StoredDataInvalidError)) throw error;
        unreadable += 1;
        logger.warn(
          { code: error.code, decisionId: row.id, problems: error.problems },
          'skipped a decision record that cannot be read',
        );
      }
    }
    return { decisions, unreadable };
  }

  return {
    async record(decision) {
      const row = rowOf(randomUUID(), checkNewDecision(decision));
      const result = await db
        .insertInto('decisions')
        .values(row)
        .onConflict((conflict) =>
          conflict.columns(['team_id', 'channel_id', 'summary_ts']).doNothing(),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? 'written' : 'already-written';
    },
    currentInChannel: (teamId, channelId, options) =>
      list(
        rows()
          .where('d.team_id', '=', teamId)
          .where('d.channel_id', '=', channelId)
          .where((eb) => eb.not(newerInThread(eb))),
        limitOf(options, 1000),
      ),
    recentInChannel: (teamId, channelId, options) =>
      list(
        rows().where('d.team_id', '=', teamId).where('d.channel_id', '=', channelId),
        limitOf(options, 20),
      ),
    recentByUser: (teamId, userId, options) =>
      list(
        rows().where('d.team_id', '=', teamId).where('d.user_id', '=', userId),
        limitOf(options, 20),
      ),
    async currentInThread(teamId, channelId, threadTs) {
      const row = await rows()
        .where('d.team_id', '=', teamId)
        .where('d.channel_id', '=', channelId)
        .where('d.thread_ts', '=', threadTs)
        .orderBy('d.decided_at', 'desc')
        .orderBy('d.id', 'desc')
        .executeTakeFirst();
      return row === undefined ? undefined : decisionOf(row);
    },
    async deleteWorkspace(teamId) {
      const result = await db
        .deleteFrom('decisions')
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteEnterprise(enterpriseId) {
      const result = await db
        .deleteFrom('decisions')
        .where('enterprise_id', '=', enterpriseId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async pruneDecidedBefore(cutoff) {
      const result = await db
        .deleteFrom('decisions')
        .where('decided_at', '<', cutoff.getTime())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
