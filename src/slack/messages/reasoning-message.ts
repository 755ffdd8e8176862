import { type Advice, describeWorkload } from '../../core/index.js';
import type { MessagePayload } from './kit.js';
import {
  context,
  divider,
  escapeMrkdwn,
  escapeUserText,
  header,
  type KnownBlock,
  section,
} from './kit.js';
import { capBlocks, LIMITS, truncate } from './limits.js';
import {
  assessmentBlocks,
  costBlocks,
  counterfactualBlocks,
  nextStepBlocks,
  rankingBlocks,
  rationaleBlocks,
} from './reasoning-sections.js';

/** Parts separated by dividers; empty parts (no cost estimate, say) leave no trace. */
function joinParts(parts: readonly KnownBlock[][]): KnownBlock[] {
  return parts
    .filter((part) => part.length > 0)
    .flatMap((part, i) => (i === 0 ? part : [divider(), ...part]));
}

/**
 * The full reasoning, posted in the summary's thread: the rules that fired with their sources,
 * every chip with a score bar, what would change the answer (each with a "What if…" button),
 * risk and migration effort, the cost estimate and the next steps. Stays within 50 blocks.
 * @see https://docs.slack.dev/reference/methods/chat.postMessage
 */
export function reasoningMessage(advice: Advice): MessagePayload {
  const { recommendation } = advice;
  const blocks = joinParts([
    [
      header(`Why ${recommendation.label}`),
      section(escapeMrkdwn(recommendation.summary)),
      ...rationaleBlocks(advice),
    ],
    rankingBlocks(advice),
    counterfactualBlocks(advice),
    assessmentBlocks(advice),
    costBlocks(advice),
    nextStepBlocks(advice),
  ]);
  return {
    text: truncate(
      `Why ${escapeMrkdwn(recommendation.label)} for ${escapeUserText(describeWorkload(advice.answers))}: ${escapeMrkdwn(recommendation.reason)}`,
      LIMITS.fallbackText,
    ),
    blocks: capBlocks(blocks, LIMITS.messageBlocks, (omitted) =>
      context(`${omitted} more blocks did not fit in one message; run the CLI for everything.`),
    ),
  };
}
