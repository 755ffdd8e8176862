import type { types } from '@slack/bolt';
import type { Ruleset } from '../../core/index.js';
import { ActionId, COMMAND } from './ids.js';
import {
  actions,
  button,
  context,
  divider,
  escapeMrkdwn,
  fields,
  header,
  type KnownBlock,
  section,
} from './kit.js';
import { capBlocks, LIMITS } from './limits.js';

/**
 * The App Home tab: what the app does, the decision framework it applies (the article's
 * sections, from rules/article.json) and the chips it chooses between (rules/chips.json), with a
 * button that opens the questionnaire. Advice started here is sent as a direct message, since
 * the Home tab has no channel to post in. `recent` (the person's own recent decisions) comes
 * after the introduction.
 * @see https://docs.slack.dev/surfaces/app-home
 */
export function homeView(
  ruleset: Pick<Ruleset, 'article' | 'chips'>,
  recent: readonly KnownBlock[] = [],
): types.HomeView {
  const { article, chips } = ruleset;
  const blocks: KnownBlock[] = [
    header('Which AI accelerator fits your workload?'),
    section(
      'Answer a few questions about one workload and get a recommendation between AWS Trainium/Inferentia and NVIDIA, with the rules behind it, the alternatives, what would change the answer, and a cost estimate.',
    ),
    actions([
      button({
        text: 'Start the questionnaire',
        actionId: ActionId.startQuestionnaire,
        style: 'primary',
      }),
    ]),
    context(
      `From here, the advice arrives as a direct message from the app. To share it with a team, run \`${COMMAND}\` in a channel, or use the “Get chip advice” shortcut on a message to answer in its thread.`,
    ),
    context(
      `For a team’s whole estate, \`${COMMAND} summary\` in a channel posts its portfolio: each workload’s current chip, the split by chip and vendor, the total spend, the estimated saving range, and a CSV export.`,
    ),
    ...recent,
    divider(),
    header('The decision framework'),
    context(
      `From “${escapeMrkdwn(article.title)}” by ${escapeMrkdwn(article.author)} (${escapeMrkdwn(article.date)}). Every reason the app gives names the section it comes from.`,
    ),
    ...article.sections.map((entry) =>
      section(`*${escapeMrkdwn(entry.heading)}*\n${escapeMrkdwn(entry.summary)}`),
    ),
    divider(),
    header('The chips it chooses between'),
    fields(chips.map((chip) => `*${escapeMrkdwn(chip.label)}*\n${escapeMrkdwn(chip.summary)}`)),
  ];
  return {
    type: 'home',
    blocks: capBlocks(blocks, LIMITS.viewBlocks, (omitted) =>
      context(`${omitted} more sections did not fit.`),
    ),
  };
}
