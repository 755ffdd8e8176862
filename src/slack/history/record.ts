import type { Advice } from '../../core/index.js';
import type { NewDecision, RecordWriter } from '../../storage/index.js';
import type { PostedDestination } from '../delivery/destination.js';

/** Who asked, in which workspace (Bolt's `context.teamId` / `enterpriseId`). */
export interface Asker {
  readonly teamId: string | undefined;
  readonly enterpriseId?: string | undefined;
  readonly userId: string;
}

/** What every record carries besides the advice: which rules and which app decided it. */
export interface RecordVersions {
  readonly rulesVersion: string;
  readonly appVersion: string;
}

/**
 * The record of one delivered advice: where its summary was posted (channel, summary ts and the
 * thread it belongs to, so a "Change answers" in a thread supersedes the thread's earlier
 * record), who asked, the answers, the recommended chip, the ranking and the versions.
 */
export function decisionOf(
  advice: Advice,
  posted: PostedDestination,
  asker: Asker,
  versions: RecordVersions,
  decidedAt: Date,
): NewDecision {
  return {
    workspace: {
      teamId: asker.teamId ?? '',
      ...(asker.enterpriseId ? { enterpriseId: asker.enterpriseId } : {}),
    },
    channelId: posted.channel,
    summaryTs: posted.summaryTs,
    threadTs: posted.threadTs ?? posted.summaryTs,
    userId: asker.userId,
    answers: advice.answers,
    recommendation: { chip: advice.recommendation.chip, vendor: advice.recommendation.vendor },
    ranking: advice.ranking.map(({ chip, vendor, score, eligible }) => ({
      chip,
      vendor,
      score,
      eligible,
    })),
    rulesVersion: versions.rulesVersion,
    appVersion: versions.appVersion,
    decidedAt,
  };
}

/**
 * Records delivered advice through the storage's record writer, which never rejects: a failed
 * write is kept and retried, or logged as lost with the whole record. Recording is not awaited
 * on the way to anyone (the advice is out before it starts); the writer's `close()` at shutdown
 * waits for what is under way.
 */
export class DecisionRecorder {
  readonly #writer: Pick<RecordWriter, 'write'>;
  readonly #versions: RecordVersions;
  readonly #now: () => Date;

  constructor(
    writer: Pick<RecordWriter, 'write'>,
    versions: RecordVersions,
    now: () => Date = () => new Date(),
  ) {
    this.#writer = writer;
    this.#versions = versions;
    this.#now = now;
  }

  /** Starts writing the record of `advice`, delivered at `posted`; returns at once. */
  record(advice: Advice, posted: PostedDestination, asker: Asker): void {
    void this.#writer.write(decisionOf(advice, posted, asker, this.#versions, this.#now()));
  }
}
