import stringWidth from 'string-width';
import { formatUsd, scoreBar } from '../../../core/figures.js';
import type { PortfolioChip, PortfolioSummary, Split } from '../../../core/portfolio/index.js';
import { hanging } from '../text/layout.js';
import type { PositionedRow } from './project.js';

const KIND = 9;
const SPEND = 14;
/** The longest chip label today ("NVIDIA Groq LPU + Rubin"); a longer one only runs on. */
const CHIP = 23;
const GAP = '  ';
const NAME_MIN = 10;

const nameWidth = (width: number) =>
  Math.max(NAME_MIN, width - KIND - SPEND - CHIP - 3 * GAP.length);

/** `text` cut or padded to `columns` terminal columns (wide characters count two). */
function padTo(text: string, columns: number): string {
  let shown = text;
  if (stringWidth(shown) > columns) {
    const characters = [...text];
    while (characters.length > 0 && stringWidth(`${characters.join('')}…`) > columns) {
      characters.pop();
    }
    shown = `${characters.join('')}…`;
  }
  return shown + ' '.repeat(Math.max(0, columns - stringWidth(shown)));
}

/** The table's heading: the columns of each workload's line. */
export function tableHeader(width: number): string[] {
  const head = [
    padTo('Workload', nameWidth(width)),
    'Kind'.padEnd(KIND),
    'Monthly spend'.padStart(SPEND),
    'Chip',
  ].join(GAP);
  return [head, '─'.repeat(Math.min(stringWidth(head) + CHIP - 4, width))];
}

/** One workload, one line: name (or its position), kind, monthly spend, chip. */
export function tableRow(row: PositionedRow, chipLabel: string, width: number): string {
  return [
    padTo(row.workloadName ?? `workload #${row.position}`, nameWidth(width)),
    row.workload.padEnd(KIND),
    formatUsd(row.monthlySpendUsd).padStart(SPEND),
    chipLabel,
  ].join(GAP);
}

const count = (n: number) => n.toLocaleString('en-US');

/** "12.5%"; a share too small to show at one decimal reads "<0.1%", never "0.0%". */
export function percent(share: number): string {
  if (share > 0 && share < 0.0005) return '<0.1%';
  return `${(share * 100).toFixed(1)}%`;
}

function splitLines(title: string, splits: [label: string, split: Split][]): string[] {
  const labelWidth = Math.max(title.length, ...splits.map(([label]) => stringWidth(label)));
  const head = `${padTo(title, labelWidth)}${'Workloads'.padStart(11)}${'Monthly spend'.padStart(16)}${GAP}Share`;
  return [
    head,
    ...splits.map(
      ([label, split]) =>
        `${padTo(label, labelWidth)}${count(split.count).padStart(11)}${formatUsd(split.monthlySpendUsd).padStart(16)}${GAP}${scoreBar(split.share)} ${percent(split.share).padStart(6)}`,
    ),
  ];
}

const VENDOR_LABELS: Readonly<Record<string, string>> = { aws: 'AWS', nvidia: 'NVIDIA' };

/** After the table: the split by chip and by vendor with bars, the totals, the saving, the strategy. */
export function summaryLines(
  summary: PortfolioSummary,
  chips: readonly PortfolioChip[],
  width: number,
): string[] {
  const labels = new Map(chips.map((chip) => [chip.id, chip.label]));
  const { totals, saving, alignment } = summary;
  return [
    ...(totals.workloads === 0 ? ['(no workloads)'] : []),
    '',
    ...splitLines(
      'By chip',
      Object.entries(summary.byChip).map(([id, split]) => [labels.get(id) ?? id, split]),
    ),
    '',
    ...splitLines(
      'By vendor',
      Object.entries(summary.byVendor).map(([id, split]) => [VENDOR_LABELS[id] ?? id, split]),
    ),
    '',
    ...hanging(
      'Total: ',
      `${count(totals.workloads)} workload${totals.workloads === 1 ? '' : 's'}, ${formatUsd(totals.monthlySpendUsd)} a month stated spend`,
      width,
    ),
    ...hanging('', saving.text, width),
    ...hanging('Hybrid strategy: ', `${alignment.text} (Source: "${alignment.source}")`, width),
  ];
}
