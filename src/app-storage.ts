import { APP_VERSION } from './app-version.js';
import type { Config } from './config.js';
import type { Advisor } from './core/index.js';
import type { Logger } from './logger.js';
import { SharedDuplicates } from './slack/duplicates/index.js';
import { DecisionHistory, DecisionRecorder } from './slack/history/index.js';
import { ChannelPortfolio } from './slack/portfolio/channel-portfolio.js';
import {
  createDuplicateClaims,
  createRecordWriter,
  createRetention,
  type RecordWriter,
  type RecordWriterOptions,
  rulesVersion,
  type Store,
} from './storage/index.js';

/** What the app's storage wiring is built from (a part of `AppDeps`). */
export interface StorageDeps {
  readonly store: Pick<Store, 'decisions' | 'deliveryKeys' | 'installations'>;
  readonly records?:
    | Pick<RecordWriterOptions, 'firstDelayMs' | 'maxDelayMs' | 'maxPending'>
    | undefined;
  readonly claimTimeoutMs?: number | undefined;
  readonly historyTimeoutMs?: number | undefined;
}

/** The parts of the app that use the database. */
export interface AppStorage {
  readonly writer: RecordWriter;
  readonly shared: SharedDuplicates;
  readonly retention: ReturnType<typeof createRetention>;
  readonly history: DecisionHistory;
  readonly portfolio: ChannelPortfolio;
}

/**
 * The store wired into the app: the record writer behind the decision recorder, duplicate keys
 * claimed in the database, retention, and the history and channel portfolio that read the
 * records back.
 */
export function appStorage(
  config: Config,
  advisor: Advisor,
  logger: Logger,
  deps: StorageDeps,
): AppStorage {
  const { store } = deps;
  const version = advisor.ruleset.version ?? rulesVersion(config.rulesDir);
  const timeouts = deps.historyTimeoutMs === undefined ? {} : { timeoutMs: deps.historyTimeoutMs };
  const writer = createRecordWriter({
    decisions: store.decisions,
    logger: logger.child({ component: 'records' }),
    ...deps.records,
  });
  return {
    writer,
    shared: new SharedDuplicates(
      createDuplicateClaims({
        keys: store.deliveryKeys,
        logger: logger.child({ component: 'duplicates' }),
        timeoutMs: deps.claimTimeoutMs ?? config.duplicateClaimTimeoutMs,
      }),
    ),
    retention: createRetention({
      decisions: store.decisions,
      deliveryKeys: store.deliveryKeys,
      retentionDays: config.decisionRetentionDays,
      logger: logger.child({ component: 'retention' }),
    }),
    history: new DecisionHistory({
      recorder: new DecisionRecorder(writer, { rulesVersion: version, appVersion: APP_VERSION }),
      decisions: store.decisions,
      ruleset: advisor.ruleset,
      ...timeouts,
    }),
    portfolio: new ChannelPortfolio({
      decisions: store.decisions,
      advisor,
      rulesVersion: version,
      ...timeouts,
    }),
  };
}

/** At most 3 s (or the shutdown bound, if shorter) more for records the database has not taken. */
export async function closeRecords(
  writer: RecordWriter | undefined,
  shutdownMs: number,
): Promise<void> {
  if (!writer) return;
  await writer.close(Math.min(3_000, shutdownMs));
}
