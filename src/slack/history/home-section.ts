import { context, divider, header, type KnownBlock, section } from '../messages/kit.js';
import { decisionLine, type ListedDecision } from './history-message.js';

/** Most of a person's own decisions listed on their Home tab. */
export const HOME_LIMIT = 5;

/**
 * The Home tab's "Your recent decisions": the person's own, newest first, in any channel; a
 * line saying there are none yet, or that the history cannot be read right now.
 */
export function homeDecisions(
  listed: readonly ListedDecision[] | 'unavailable',
  labelOf: (chip: string) => string,
): KnownBlock[] {
  const blocks: KnownBlock[] = [divider(), header('Your recent decisions')];
  if (listed === 'unavailable') {
    return [...blocks, context('Your decision history cannot be read right now; try again later.')];
  }
  if (listed.length === 0) {
    return [...blocks, context('None yet: the advice you ask for will be listed here.')];
  }
  return [
    ...blocks,
    ...listed.map((entry) => section(decisionLine(entry, labelOf, { withAsker: false }))),
  ];
}
