import type { webApi } from '@slack/bolt';
import type { Ruleset } from '../../core/index.js';
import type { Logger } from '../../logger.js';
import type { Decisions } from '../../storage/index.js';
import type { KnownBlock } from '../messages/kit.js';
import { withinMs } from './bounded.js';
import {
  type EphemeralReply,
  HISTORY_LIMIT,
  historyMessage,
  historyUnavailable,
  type ListedDecision,
} from './history-message.js';
import { HOME_LIMIT, homeDecisions } from './home-section.js';
import { permalinks } from './links.js';
import type { DecisionRecorder } from './record.js';

/** What the app remembers of the advice it gave: recorded as delivered, read back to look back. */
export interface DecisionHistoryDeps {
  readonly recorder: DecisionRecorder;
  readonly decisions: Pick<Decisions, 'recentInChannel' | 'recentByUser'>;
  readonly ruleset: Pick<Ruleset, 'chips'>;
  /** Longest wait for the database before answering without it. */
  readonly timeoutMs?: number;
}

/**
 * Reads the decision records for people: a channel's for `/chip-advice history`, a person's own
 * for their Home tab. The database is read after the request is acknowledged, within a bound;
 * when it fails or is slow the answer says so instead of failing.
 */
export class DecisionHistory {
  readonly recorder: DecisionRecorder;
  readonly #decisions: DecisionHistoryDeps['decisions'];
  readonly #labels: ReadonlyMap<string, string>;
  readonly #timeoutMs: number | undefined;

  constructor(deps: DecisionHistoryDeps) {
    this.recorder = deps.recorder;
    this.#decisions = deps.decisions;
    this.#labels = new Map(deps.ruleset.chips.map((chip) => [chip.id, chip.label]));
    this.#timeoutMs = deps.timeoutMs;
  }

  readonly labelOf = (chip: string): string => this.#labels.get(chip) ?? chip;

  /** The channel's recent decisions (superseded ones marked), newest first, with links. */
  async ofChannel(
    client: webApi.WebClient,
    teamId: string,
    channelId: string,
    logger: Logger,
  ): Promise<EphemeralReply> {
    let found: Awaited<ReturnType<Decisions['recentInChannel']>>;
    try {
      found = await withinMs(
        this.#decisions.recentInChannel(teamId, channelId, { limit: HISTORY_LIMIT }),
        this.#timeoutMs,
      );
    } catch (error) {
      logger.warn({ err: error }, 'could not read the channel history');
      return historyUnavailable();
    }
    const listed = await this.#withLinks(client, found.decisions, logger);
    return historyMessage(listed, { unreadable: found.unreadable, labelOf: this.labelOf });
  }

  /** Blocks for the person's Home tab: their own recent decisions. */
  async ofUser(
    client: webApi.WebClient,
    teamId: string,
    userId: string,
    logger: Logger,
  ): Promise<KnownBlock[]> {
    try {
      const found = await withinMs(
        this.#decisions.recentByUser(teamId, userId, { limit: HOME_LIMIT }),
        this.#timeoutMs,
      );
      return homeDecisions(await this.#withLinks(client, found.decisions, logger), this.labelOf);
    } catch (error) {
      logger.warn({ err: error }, 'could not read the person’s history for the Home tab');
      return homeDecisions('unavailable', this.labelOf);
    }
  }

  async #withLinks(
    client: webApi.WebClient,
    decisions: readonly ListedDecision['decision'][],
    logger: Logger,
  ): Promise<ListedDecision[]> {
    const links = await permalinks(client, decisions, logger);
    return decisions.map((decision, index) => ({ decision, link: links[index] }));
  }
}
