import { describe, expect, it } from 'vitest';
import {
  type PortfolioRow,
  portfolioChips,
  summarizePortfolio,
} from '../../src/core/portfolio/index.js';
import { ActionId } from '../../src/slack/messages/ids.js';
import { SUMMARY_CSV_COLUMNS, summaryCsv } from '../../src/slack/messages/portfolio/csv.js';
import {
  emptyPortfolioMessage,
  reevaluationMessage,
} from '../../src/slack/messages/portfolio/other-messages.js';
import {
  portfolioMessage,
  TABLE_ROWS,
} from '../../src/slack/messages/portfolio/portfolio-message.js';
import type { DecisionRow } from '../../src/slack/messages/portfolio/rows.js';
import { ruleset } from '../support/advisor.js';
import { messageProblems } from '../support/block-kit-limits.js';

const chips = portfolioChips(ruleset);
const labels = new Map(chips.map((chip) => [chip.id, chip.label]));
const CHIP_IDS = chips.map((chip) => chip.id);

/** Decision `i` of a channel: spends 1,000 to 300,000, chips in turn, two rules versions. */
function decision(i: number, overrides: Partial<DecisionRow> = {}): DecisionRow {
  const chip = CHIP_IDS[i % CHIP_IDS.length] as string;
  const base: PortfolioRow = {
    workloadName: `Workload ${i + 1}`,
    workload: i % 2 === 0 ? 'training' : 'inference',
    monthlySpendUsd: ((i * 7_919) % 300) * 1_000 + 1_000,
    chip,
    vendor: chip.startsWith('nvidia') ? 'nvidia' : 'aws',
    profile: chip.startsWith('nvidia') ? 'demanding' : 'standardized',
  };
  return {
    ...base,
    channelId: 'C0PORTFOLIO',
    threadTs: `17000000${String(i).padStart(2, '0')}.000100`,
    userId: 'U0ASKER',
    decidedAt: new Date(Date.UTC(2026, 10, 1, 12, 0, i % 60)),
    rulesVersion: 'rules-v2',
    ...overrides,
  };
}

const build = (rows: DecisionRow[], rulesVersion = 'rules-v2') =>
  portfolioMessage({
    rows,
    summary: summarizePortfolio(rows, chips),
    chips,
    teamDomain: 'acme',
    rulesVersion,
  });

type Json = Record<string, unknown>;
const tableOf = (blocks: readonly unknown[]) =>
  blocks.find((b) => (b as Json).type === 'table') as Json;
const textOf = (blocks: readonly unknown[]) => JSON.stringify(blocks);

describe('the summary of a channel portfolio', () => {
  it('keeps 300 workloads within Block Kit limits: the largest first, the rest counted', () => {
    const rows = Array.from({ length: 300 }, (_, i) => decision(i));
    const message = build(rows);
    expect(messageProblems(message)).toEqual([]);
    const table = tableOf(message.blocks);
    const tableRows = table.rows as Json[][];
    expect(tableRows).toHaveLength(TABLE_ROWS + 1);
    const spends = tableRows
      .slice(1)
      .map((row) => Number(String((row[2] as Json).text).replace(/[$,]/g, '')));
    expect(spends).toEqual([...spends].sort((a, b) => b - a));
    expect(spends[0]).toBe(Math.max(...rows.map((row) => row.monthlySpendUsd)));
    expect(textOf(message.blocks)).toContain(
      `The ${TABLE_ROWS} largest of 300 workloads by monthly spend; all 300 are in the CSV.`,
    );
    // The table comes last: Slack shows it after the other blocks.
    expect(message.blocks.at(-1)).toBe(table);
  });

  it('says when the store listed only as many decisions as it lists at once', () => {
    const rows = Array.from({ length: 20 }, (_, i) => decision(i));
    const at = (readLimit: number) =>
      textOf(
        portfolioMessage({
          rows,
          summary: summarizePortfolio(rows, chips),
          chips,
          teamDomain: 'acme',
          rulesVersion: 'rules-v2',
          readLimit,
        }).blocks,
      );
    expect(at(20)).toContain('Only the 20 most recent current decisions are summed');
    expect(at(21)).not.toContain('Only the');
  });

  it('shows each workload with its kind, spend, chip and a link to its thread', () => {
    const message = build([
      decision(0, {
        workloadName: 'Search <ranking>',
        monthlySpendUsd: 50_000,
        chip: 'inferentia',
        vendor: 'aws',
        workload: 'inference',
      }),
    ]);
    const [head, row] = tableOf(message.blocks).rows as Json[][];
    expect(head?.map((cell) => cell.text)).toEqual(['Workload', 'Kind', 'Monthly spend', 'Chip']);
    expect(row?.slice(1)).toEqual([
      { type: 'raw_text', text: 'inference' },
      { type: 'raw_text', text: '$50,000' },
      { type: 'raw_text', text: 'AWS Inferentia' },
    ]);
    expect(JSON.stringify(row?.[0])).toContain(
      '{"type":"link","url":"https://acme.slack.com/archives/C0PORTFOLIO/p1700000000000100","text":"Search <ranking>"}',
    );
  });

  it('shows the split by chip and by vendor with bars, the total, the saving range with its source and the strategy', () => {
    const message = build([
      decision(0, {
        chip: 'trainium',
        vendor: 'aws',
        monthlySpendUsd: 100_000,
        profile: 'standardized',
      }),
      decision(1, {
        chip: 'nvidia-groq-rubin',
        vendor: 'nvidia',
        monthlySpendUsd: 25_000,
        profile: 'demanding',
      }),
    ]);
    const text = textOf(message.blocks);
    expect(text).toContain('`████████░░` *AWS Trainium*: 1 workload · $100,000/month · 80.0%');
    expect(text).toContain('`░░░░░░░░░░` *AWS Inferentia*: 0 workloads · $0/month · 0.0%');
    expect(text).toContain('`██░░░░░░░░` *NVIDIA*: 1 workload · $25,000/month · 20.0%');
    expect(text).toContain('*Total stated spend:* $125,000 a month');
    expect(text).toContain('$0 to $40,000 a month ($0 to $480,000 a year)');
    expect(text).toContain('The Enterprise Decision Framework: Custom vs NVIDIA');
    expect(text).toContain(
      '1 cost-sensitive workload on AWS silicon and 1 performance-critical or multi-cloud workload on NVIDIA',
    );
    expect(text).toContain('finance leader Decision Guide');
    expect(message.text).toBe(
      'Portfolio: 2 workloads, $125,000 a month; 1 on AWS silicon, 1 on NVIDIA.',
    );
  });

  it('offers Export CSV, and Re-evaluate only when decisions were made under other rules', () => {
    const actionIds = (message: { blocks: readonly unknown[] }) =>
      message.blocks
        .filter((b) => (b as Json).type === 'actions')
        .flatMap((b) => ((b as Json).elements as Json[]).map((e) => e.action_id));
    const current = build([decision(0), decision(1)]);
    expect(actionIds(current)).toEqual([ActionId.exportPortfolioCsv]);
    expect(textOf(current.blocks)).not.toContain('other rules');
    const mixed = build([
      decision(0),
      decision(1, { rulesVersion: 'rules-v1' }),
      decision(2, { rulesVersion: 'rules-v1' }),
    ]);
    expect(actionIds(mixed)).toEqual([ActionId.exportPortfolioCsv, ActionId.reevaluatePortfolio]);
    expect(textOf(mixed.blocks)).toContain(
      "2 decisions of 3 were made under other rules than today's (`rules-v1`: 2, `rules-v2`: 1).",
    );
  });
});

describe('the Export CSV file', () => {
  it('has every row, with the columns of the issue, RFC 4180 quoting and formulas kept as text', () => {
    const rows = Array.from({ length: 300 }, (_, i) => decision(i));
    rows[0] = decision(0, { workloadName: '=HYPERLINK("x"), "quoted"' });
    const { workloadName: _unnamed, ...unnamed } = decision(1);
    rows[1] = unnamed;
    const csv = summaryCsv(rows, 'acme');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(SUMMARY_CSV_COLUMNS.join(','));
    expect(lines[0]).toBe(
      'workload,kind,spend,chip,vendor,decided by,decided at,rules version,thread link',
    );
    expect(lines).toHaveLength(302);
    expect(lines[1]).toMatch(
      /^"'=HYPERLINK\(""x""\), ""quoted""",training,\d+,nvidia-blackwell-rubin,nvidia,U0ASKER,2026-11-01T12:00:00\.000Z,rules-v2,https:\/\/acme\.slack\.com\/archives\/C0PORTFOLIO\/p1700000000000100$/,
    );
    expect(lines[2]).toMatch(/^,inference,/);
  });
});

describe('the other portfolio messages', () => {
  it('tell a channel without decisions, privately, how to start', () => {
    const message = emptyPortfolioMessage();
    expect(message.response_type).toBe('ephemeral');
    expect(message.text).toContain('`/chip-advice`');
    expect(message.text).toContain('`/chip-advice summary`');
    expect(messageProblems(message)).toEqual([]);
  });

  it("list the workloads that would change chip under today's rules, and why, rewriting nothing", () => {
    const rows = [decision(0, { chip: 'inferentia' }), decision(1, { chip: 'trainium' })];
    const message = reevaluationMessage(
      [
        {
          row: rows[0] as DecisionRow,
          now: {
            chip: 'nvidia-groq-rubin',
            label: 'NVIDIA Groq LPU + Rubin',
            reason: 'Complex reasoning needs the full stack.',
          },
        },
        {
          row: rows[1] as DecisionRow,
          now: { chip: 'trainium', label: 'AWS Trainium', reason: 'x' },
        },
      ],
      labels,
      'rules-v3',
    );
    expect(messageProblems(message)).toEqual([]);
    const text = textOf(message.blocks);
    expect(message.text).toBe(
      "Under today's rules (`rules-v3`) 1 of 2 workloads would change chip:",
    );
    expect(text).toContain(
      '• *Workload 1*: AWS Inferentia → *NVIDIA Groq LPU + Rubin*. Complex reasoning needs the full stack.',
    );
    expect(text).not.toContain('Workload 2');
    expect(text).toContain('Nothing was rewritten.');
  });
});
