import type { Advisor } from '../../core/index.js';
import {
  type PortfolioChip,
  portfolioChips,
  portfolioRowOf,
  summarizePortfolio,
} from '../../core/portfolio/index.js';
import type { Logger } from '../../logger.js';
import type { Decision, Decisions } from '../../storage/index.js';
import { withinMs } from '../history/bounded.js';
import type { EphemeralResponse } from '../messages/help-message.js';
import type { MessagePayload } from '../messages/kit.js';
import { summaryCsv } from '../messages/portfolio/csv.js';
import {
  emptyPortfolioMessage,
  type Reevaluated,
  reevaluationMessage,
} from '../messages/portfolio/other-messages.js';
import { portfolioMessage } from '../messages/portfolio/portfolio-message.js';
import type { DecisionRow } from '../messages/portfolio/rows.js';

/** Most current decisions a summary reads: the storage's own cap on one list. */
export const PORTFOLIO_LIMIT = 10_000;

export interface ChannelPortfolioDeps {
  readonly decisions: Pick<Decisions, 'currentInChannel'>;
  /** Today's rules: the version records are compared with, and the advisor Re-evaluate uses. */
  readonly advisor: Advisor;
  readonly rulesVersion: string;
  readonly timeoutMs?: number;
}

/** Where a channel is, for the messages: the workspace and its domain (for thread links). */
export interface ChannelRef {
  readonly teamId: string;
  readonly channelId: string;
  readonly teamDomain: string;
}

export type SummaryResult =
  | { readonly kind: 'summary'; readonly message: MessagePayload }
  | { readonly kind: 'reply'; readonly reply: EphemeralResponse };

const unavailable = (): EphemeralResponse => {
  const text =
    'The channel’s decisions cannot be read right now: the database did not answer. Try again in a minute.';
  return { response_type: 'ephemeral', text, blocks: [] };
};

/**
 * A channel's portfolio, from its current decisions (the latest record of each thread): the
 * summary message, the CSV of every row, and a re-evaluation of the stored answers under
 * today's rules. Reads only; nothing here writes a record.
 */
export class ChannelPortfolio {
  readonly #deps: ChannelPortfolioDeps;
  readonly chips: readonly PortfolioChip[];

  constructor(deps: ChannelPortfolioDeps) {
    this.#deps = deps;
    this.chips = portfolioChips(deps.advisor.ruleset);
  }

  /** `/chip-advice summary`: the message to post, or what to tell the person instead. */
  async summary(channel: ChannelRef, logger: Logger): Promise<SummaryResult> {
    const rows = await this.#rows(channel, logger);
    if (rows === undefined) return { kind: 'reply', reply: unavailable() };
    if (rows.length === 0) return { kind: 'reply', reply: emptyPortfolioMessage() };
    const message = portfolioMessage({
      rows,
      summary: summarizePortfolio(rows, this.chips),
      chips: this.chips,
      teamDomain: channel.teamDomain,
      rulesVersion: this.#deps.rulesVersion,
      readLimit: PORTFOLIO_LIMIT,
    });
    return { kind: 'summary', message };
  }

  /** Every current decision as CSV; undefined when the database cannot be read. */
  async csv(channel: ChannelRef, logger: Logger): Promise<string | undefined> {
    const rows = await this.#rows(channel, logger);
    return rows && summaryCsv(rows, channel.teamDomain);
  }

  /** The stored answers run through today's rules: which would change chip, and why. */
  async reevaluate(channel: ChannelRef, logger: Logger): Promise<MessagePayload | undefined> {
    const rows = await this.#rows(channel, logger);
    if (rows === undefined) return undefined;
    const results: Reevaluated[] = [];
    for (const row of rows) {
      const { recommendation } = await this.#deps.advisor.advise(row.answers);
      results.push({ row, now: recommendation });
    }
    const labels = new Map(this.chips.map((chip) => [chip.id, chip.label]));
    return reevaluationMessage(results, labels, this.#deps.rulesVersion);
  }

  async #rows(channel: ChannelRef, logger: Logger) {
    try {
      const found = await withinMs(
        this.#deps.decisions.currentInChannel(channel.teamId, channel.channelId, {
          limit: PORTFOLIO_LIMIT,
        }),
        this.#deps.timeoutMs,
      );
      if (found.unreadable > 0)
        logger.warn(
          { unreadable: found.unreadable },
          'unreadable records left out of the portfolio',
        );
      return found.decisions.map(rowOf);
    } catch (error) {
      logger.warn({ err: error }, 'could not read the channel’s decisions for its portfolio');
      return undefined;
    }
  }
}

function rowOf(decision: Decision): DecisionRow & { readonly answers: Decision['answers'] } {
  return {
    ...portfolioRowOf(decision.answers, decision.recommendation),
    channelId: decision.channelId,
    threadTs: decision.threadTs,
    userId: decision.userId,
    decidedAt: decision.decidedAt,
    rulesVersion: decision.rulesVersion,
    answers: decision.answers,
  };
}
