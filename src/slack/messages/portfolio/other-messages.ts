import type { EphemeralResponse } from '../help-message.js';
import { COMMAND } from '../ids.js';
import { context, escapeMrkdwn, type MessagePayload, section } from '../kit.js';
import { LIMITS, packLines, truncate } from '../limits.js';
import type { DecisionRow } from './rows.js';

/** `/chip-advice summary` in a channel without decisions: how to start, to the person alone. */
export function emptyPortfolioMessage(): EphemeralResponse {
  const text = `No workloads have been advised in this channel yet. Run \`${COMMAND}\` here to describe one; each recommendation posted in the channel joins its portfolio, and \`${COMMAND} summary\` then sums them up.`;
  return { response_type: 'ephemeral', text, blocks: [section(text)] };
}

/** A stored decision run through today's rules: the chip it would get now, and why. */
export interface Reevaluated {
  readonly row: DecisionRow;
  /** Today's recommendation for the stored answers. */
  readonly now: { readonly chip: string; readonly label: string; readonly reason: string };
}

/** Most changed workloads listed; the rest are counted (each line is at most a few hundred characters). */
const LISTED = 40;

/**
 * What Re-evaluate found, posted in the summary's thread: which workloads would change chip
 * under today's rules and why, and how many would not. Nothing is rewritten: a new decision
 * is recorded only when someone uses "Change answers" in that workload's thread.
 */
export function reevaluationMessage(
  results: readonly Reevaluated[],
  labels: ReadonlyMap<string, string>,
  rulesVersion: string,
): MessagePayload {
  const changed = results.filter(({ row, now }) => row.chip !== now.chip);
  const lines = changed.slice(0, LISTED).map(({ row, now }) => {
    const name = escapeMrkdwn(row.workloadName ?? `a ${row.workload} workload`);
    const before = escapeMrkdwn(labels.get(row.chip) ?? row.chip);
    return `• *${name}*: ${before} → *${escapeMrkdwn(now.label)}*. ${escapeMrkdwn(now.reason)}`;
  });
  const more = changed.length - lines.length;
  const lead =
    changed.length === 0
      ? `Under today's rules (\`${escapeMrkdwn(rulesVersion)}\`) every one of the ${results.length} workloads keeps its chip.`
      : `Under today's rules (\`${escapeMrkdwn(rulesVersion)}\`) ${changed.length} of ${results.length} workloads would change chip:`;
  return {
    text: truncate(lead, LIMITS.fallbackText),
    blocks: [
      section(lead),
      ...packLines([...lines, ...(more > 0 ? [`…and ${more} more.`] : [])]).map((text) =>
        section(text),
      ),
      context(
        'Nothing was rewritten. To record a new decision, use “Change answers” in that workload’s thread.',
      ),
    ],
  };
}
