import type { Insertable, Selectable } from 'kysely';
import { z } from 'zod';
import { type Answers, answersSchema } from '../../core/index.js';
import { StoredDataInvalidError } from '../../errors.js';
import type { DecisionsTable } from '../schema.js';

/** A Slack id (team, enterprise, channel, user): letters and digits, as Slack makes them. */
const slackId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'is not a Slack id' });
/** A message ts, e.g. `1712345678.123456`. */
const ts = z.string().regex(/^\d{1,12}\.\d{1,9}$/, { error: 'is not a message ts' });
const label = (max: number) => z.string().min(1).max(max);

const rankedChipSchema = z.object({
  chip: label(64),
  vendor: label(32),
  score: z.number().min(0).max(1),
  eligible: z.boolean(),
});

/** How a chip ranked, as kept in a decision: the rest of the ranking is explanation. */
export type StoredRankedChip = z.infer<typeof rankedChipSchema>;

const decisionShape = z.object({
  workspace: z.object({ teamId: slackId, enterpriseId: slackId.optional() }),
  channelId: slackId,
  summaryTs: ts,
  threadTs: ts,
  userId: slackId,
  answers: answersSchema,
  recommendation: z.object({ chip: label(64), vendor: label(32) }),
  ranking: z.array(rankedChipSchema).min(1).max(64),
  rulesVersion: label(100),
  appVersion: label(64),
  decidedAt: z.date().refine((date) => !Number.isNaN(date.getTime()), 'is not a valid time'),
});

/** A delivered advice, to record: where it was posted, who asked, the answers and the outcome. */
export interface NewDecision {
  /** The team (workspace) it was posted in, and its Enterprise Grid org when there is one. */
  readonly workspace: { readonly teamId: string; readonly enterpriseId?: string | undefined };
  readonly channelId: string;
  /** The summary message's ts. Recording the same summary twice keeps one record. */
  readonly summaryTs: string;
  /** The thread's ts (the first summary's ts); a later record of the thread supersedes this one. */
  readonly threadTs: string;
  /** Who asked. */
  readonly userId: string;
  /** The validated answers; their `workloadName` is the record's workload name. */
  readonly answers: Answers;
  readonly recommendation: { readonly chip: string; readonly vendor: string };
  /** Every chip, best first (extra fields, such as the core's explanations, are not kept). */
  readonly ranking: readonly StoredRankedChip[];
  /** Which rules decided it: see `rulesVersion()`. */
  readonly rulesVersion: string;
  readonly appVersion: string;
  /** When the advice was delivered; it orders the records of a thread. */
  readonly decidedAt: Date;
}

/** A decision as stored. */
export interface Decision extends NewDecision {
  readonly id: string;
  readonly workloadName: string | undefined;
  /** A later record of the same thread exists (the answers were changed). */
  readonly superseded: boolean;
}

const problemsOf = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`);

/** Checks a decision before it is written; throws StoredDataInvalidError naming each problem. */
export function checkNewDecision(decision: NewDecision): NewDecision {
  const result = decisionShape.safeParse(decision);
  if (!result.success) {
    throw new StoredDataInvalidError('the decision to record', problemsOf(result.error));
  }
  return result.data;
}

/** The row to insert for a checked decision. */
export function rowOf(id: string, decision: NewDecision): Insertable<DecisionsTable> {
  return {
    id,
    team_id: decision.workspace.teamId,
    enterprise_id: decision.workspace.enterpriseId ?? null,
    channel_id: decision.channelId,
    summary_ts: decision.summaryTs,
    thread_ts: decision.threadTs,
    user_id: decision.userId,
    workload_name: decision.answers.workloadName ?? null,
    answers: JSON.stringify(decision.answers),
    chip: decision.recommendation.chip,
    vendor: decision.recommendation.vendor,
    ranking: JSON.stringify(decision.ranking),
    rules_version: decision.rulesVersion,
    app_version: decision.appVersion,
    decided_at: decision.decidedAt.getTime(),
  };
}

/** jsonb arrives parsed (pg), text arrives as text (SQLite); text that is not JSON stays text. */
function parsedJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export type DecisionRow = Selectable<DecisionsTable> & { superseded: unknown };

/**
 * A row read back, validated as strictly as a decision about to be written: what the database
 * holds may have been edited, truncated or written by other code. Throws
 * StoredDataInvalidError naming the record and each problem.
 */
export function decisionOf(row: DecisionRow): Decision {
  const decidedAt = Number(row.decided_at);
  const result = decisionShape.safeParse({
    workspace: {
      teamId: row.team_id,
      ...(row.enterprise_id === null ? {} : { enterpriseId: row.enterprise_id }),
    },
    channelId: row.channel_id,
    summaryTs: row.summary_ts,
    threadTs: row.thread_ts,
    userId: row.user_id,
    answers: parsedJson(row.answers),
    recommendation: { chip: row.chip, vendor: row.vendor },
    ranking: parsedJson(row.ranking),
    rulesVersion: row.rules_version,
    appVersion: row.app_version,
    decidedAt: new Date(Number.isSafeInteger(decidedAt) && decidedAt >= 0 ? decidedAt : Number.NaN),
  });
  if (!result.success) {
    throw new StoredDataInvalidError(
      `decision ${row.id} in the database`,
      problemsOf(result.error),
    );
  }
  return {
    ...result.data,
    id: row.id,
    workloadName: result.data.answers.workloadName,
    superseded: row.superseded === true || Number(row.superseded) === 1,
  };
}
