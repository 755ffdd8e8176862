import type { Decision } from '../../storage/index.js';
import { COMMAND } from '../messages/ids.js';
import { context, escapeMrkdwn, type KnownBlock, mrkdwn, section } from '../messages/kit.js';
import { LIMITS, truncate } from '../messages/limits.js';

/** A recorded decision as listed, with the link to its thread when Slack gave one. */
export interface ListedDecision {
  readonly decision: Decision;
  readonly link: string | undefined;
}

/** A slash command's answer through its response_url, shown only to the person who asked. */
export interface EphemeralReply {
  readonly response_type: 'ephemeral';
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/** Most decisions one history lists: ten sections, each with its link, fit any message. */
export const HISTORY_LIMIT = 10;

/**
 * One decision in one line: the workload (linked to its thread), the chip, who asked and when
 * (Slack's date formatting shows it in the reader's time zone), and whether a later record of
 * the same thread replaced it.
 * @see https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
export function decisionLine(
  { decision, link }: ListedDecision,
  labelOf: (chip: string) => string,
  { withAsker = true }: { withAsker?: boolean } = {},
): string {
  const name = escapeMrkdwn(
    truncate(decision.workloadName ?? `${decision.answers.workload} workload`, 80),
  );
  const title = link ? `<${link}|${name}>` : name;
  const seconds = Math.floor(decision.decidedAt.getTime() / 1000);
  const when = `<!date^${seconds}^{date_short_pretty} {time}|${decision.decidedAt.toISOString()}>`;
  const who = withAsker ? ` · asked by <@${decision.userId}>` : '';
  const replaced = decision.superseded ? ' · _replaced by later answers in its thread_' : '';
  const chip = escapeMrkdwn(labelOf(decision.recommendation.chip));
  return `*${title}* → ${chip}\n${when}${who}${replaced}`;
}

/**
 * `/chip-advice history`: the channel's recent decisions, newest first, each with a link to its
 * thread; a clear answer when there are none.
 */
export function historyMessage(
  listed: readonly ListedDecision[],
  { unreadable, labelOf }: { unreadable: number; labelOf: (chip: string) => string },
): EphemeralReply {
  if (listed.length === 0) {
    const text = `No decisions are recorded in this channel yet. Run \`${COMMAND}\` to get the first one.`;
    return {
      response_type: 'ephemeral',
      text,
      blocks: [section(text), ...unreadableNote(unreadable)],
    };
  }
  return {
    response_type: 'ephemeral',
    text: truncate(
      `The ${listed.length} most recent decisions in this channel.`,
      LIMITS.fallbackText,
    ),
    blocks: [
      section(`*Recent decisions in this channel* (newest first, ${listed.length} shown)`),
      ...listed.map((entry) => ({
        type: 'section' as const,
        text: mrkdwn(decisionLine(entry, labelOf)),
      })),
      ...unreadableNote(unreadable),
    ],
  };
}

/** The history could not be read: the database failed or did not answer in time. */
export function historyUnavailable(): EphemeralReply {
  const text =
    'The decision history cannot be read right now: the database did not answer. Advice is still posted as usual; try again in a minute.';
  return { response_type: 'ephemeral', text, blocks: [section(`:warning: ${text}`)] };
}

function unreadableNote(unreadable: number): KnownBlock[] {
  return unreadable > 0
    ? [context(`${unreadable} record(s) could not be read and are not shown.`)]
    : [];
}
