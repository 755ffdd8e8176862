import type { types } from '@slack/bolt';
import { formatUsd, scoreBar } from '../../../core/figures.js';
import type { PortfolioChip, PortfolioSummary, Split } from '../../../core/portfolio/index.js';
import { ActionId } from '../ids.js';
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  header,
  type KnownBlock,
  type MessagePayload,
  section,
} from '../kit.js';
import { LIMITS, packLines, truncate } from '../limits.js';
import { type DecisionRow, largestFirst, rulesVersions, threadLink } from './rows.js';

/**
 * Workloads shown in the summary's table. A table block holds at most 100 rows (the header is
 * one); 50 keeps the message readable. The rest are counted, and all of them are in the CSV.
 * @see https://docs.slack.dev/reference/block-kit/blocks/table-block
 */
export const TABLE_ROWS = 50;
/** A table cell's text (Slack allows more; a name is at most 80 characters). */
const CELL_TEXT = 200;

export interface PortfolioMessageInput {
  /** The channel's current decisions, in any order. */
  readonly rows: readonly DecisionRow[];
  readonly summary: PortfolioSummary;
  readonly chips: readonly PortfolioChip[];
  /** The workspace's domain, for the thread links (the command's `team_domain`). */
  readonly teamDomain: string;
  /** The rules version in use today, to say which records were made under others. */
  readonly rulesVersion: string;
  /** Set when the store gave only this many (its cap): the summary says it is partial. */
  readonly readLimit?: number;
}

const count = (n: number, noun = 'workload') =>
  `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
const percent = (share: number) =>
  share > 0 && share < 0.0005 ? '<0.1%' : `${(share * 100).toFixed(1)}%`;
const VENDOR_LABELS: Readonly<Record<string, string>> = { aws: 'AWS', nvidia: 'NVIDIA' };

function splitLine(label: string, split: Split): string {
  return `\`${scoreBar(split.share)}\` *${escapeMrkdwn(label)}*: ${count(split.count)} · ${formatUsd(split.monthlySpendUsd)}/month · ${percent(split.share)}`;
}

/**
 * `/chip-advice summary`: the channel's portfolio, posted for everyone in it. The split by chip
 * and by vendor with bars, the total, the saving range with its source, how it lines up with
 * the article's hybrid strategy, a notice when the decisions were made under several rules
 * versions (with Re-evaluate), Export CSV, then the table of the largest workloads with links to
 * their threads (one table per message, last, as Slack renders it after the other blocks).
 */
export function portfolioMessage(input: PortfolioMessageInput): MessagePayload {
  const { summary, chips, rows } = input;
  const labels = new Map(chips.map((chip) => [chip.id, chip.label]));
  const { totals, saving, alignment } = summary;
  const byChip = Object.entries(summary.byChip).map(([id, split]) =>
    splitLine(labels.get(id) ?? id, split),
  );
  const byVendor = Object.entries(summary.byVendor).map(([id, split]) =>
    splitLine(VENDOR_LABELS[id] ?? id, split),
  );
  const versions = rulesVersions(rows);
  const outdated = rows.filter((row) => row.rulesVersion !== input.rulesVersion).length;
  const buttons = [
    button({ text: 'Export CSV', actionId: ActionId.exportPortfolioCsv }),
    ...(outdated > 0
      ? [button({ text: 'Re-evaluate', actionId: ActionId.reevaluatePortfolio })]
      : []),
  ];
  const shown = Math.min(rows.length, TABLE_ROWS);
  const blocks: KnownBlock[] = [
    header(`Portfolio: ${count(totals.workloads)}, ${formatUsd(totals.monthlySpendUsd)} a month`),
    ...packLines(['*By chip*', ...byChip]).map((text) => section(text)),
    ...packLines(['*By vendor*', ...byVendor]).map((text) => section(text)),
    section(
      `*Total stated spend:* ${formatUsd(totals.monthlySpendUsd)} a month\n*Estimated saving:* $0 to ${formatUsd(saving.monthlyUsd.high)} a month ($0 to ${formatUsd(saving.annualUsd.high)} a year) where AWS silicon is recommended`,
    ),
    context(`${escapeMrkdwn(saving.text)}`),
    section(`*Hybrid strategy:* ${escapeMrkdwn(alignment.text)}`),
    context(`Source: “${escapeMrkdwn(alignment.source)}” in the article.`),
    ...(outdated > 0
      ? [
          section(
            `:warning: ${count(outdated, 'decision')} of ${rows.length} ${outdated === 1 ? 'was' : 'were'} made under other rules than today's (${versions.map(([version, n]) => `\`${escapeMrkdwn(version)}\`: ${n}`).join(', ')}). *Re-evaluate* shows which would change chip under today's rules, and why; nothing is rewritten.`,
          ),
        ]
      : []),
    actions(buttons),
    ...(input.readLimit !== undefined && rows.length >= input.readLimit
      ? [
          context(
            `:warning: Only the ${input.readLimit.toLocaleString('en-US')} most recent current decisions are summed: the channel has more than the store lists at once.`,
          ),
        ]
      : []),
    context(
      shown < rows.length
        ? `The ${shown} largest of ${count(rows.length)} by monthly spend; all ${rows.length} are in the CSV.`
        : `${count(rows.length)}, largest first; each name links to its thread.`,
    ),
    ...(shown > 0 ? [table(largestFirst(rows).slice(0, shown), labels, input.teamDomain)] : []),
  ];
  const aws = summary.byVendor.aws?.count ?? 0;
  return {
    text: truncate(
      `Portfolio: ${count(totals.workloads)}, ${formatUsd(totals.monthlySpendUsd)} a month; ${aws} on AWS silicon, ${totals.workloads - aws} on NVIDIA.`,
      LIMITS.fallbackText,
    ),
    blocks,
  };
}

const raw = (text: string): types.RawTextElement => ({
  type: 'raw_text',
  text: truncate(text, CELL_TEXT),
});

function table(
  rows: readonly DecisionRow[],
  labels: Map<string, string>,
  teamDomain: string,
): KnownBlock {
  const head = ['Workload', 'Kind', 'Monthly spend', 'Chip'].map(raw);
  return {
    type: 'table',
    column_settings: [{ is_wrapped: true }, {}, { align: 'right' }, { is_wrapped: true }],
    rows: [
      head,
      ...rows.map((row) => [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                {
                  type: 'link',
                  url: threadLink(teamDomain, row.channelId, row.threadTs),
                  text: truncate(row.workloadName ?? `${row.workload} workload`, CELL_TEXT),
                },
              ],
            },
          ],
        } satisfies types.RichTextBlock,
        raw(row.workload),
        raw(formatUsd(row.monthlySpendUsd)),
        raw(labels.get(row.chip) ?? row.chip),
      ]),
    ],
  };
}
