import { stringify } from 'csv-stringify/sync';
import type { Advice } from '../../../core/index.js';
import type { Projection } from '../format.js';

/** The columns of `--format csv`: CONTRACT section 5's five, then the chip's label and why. */
export const CSV_COLUMNS = [
  'workloadName',
  'workload',
  'monthlySpendUsd',
  'chip',
  'vendor',
  'label',
  'reason',
] as const;

/**
 * RFC 4180: fields quoted where they hold a comma, a quote or a line break, records ended by
 * CRLF. A field that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe, so a workload name cannot become a formula in the finance sheet.
 */
export const CSV_OPTIONS = { record_delimiter: 'windows', escape_formulas: true } as const;

/** The header line of `--format csv`. */
export const CSV_HEADER = stringify([CSV_COLUMNS as unknown as string[]], CSV_OPTIONS);

type Record = (string | number)[];

/** One workload's row, made where the advice is; a batch of them becomes one CSV text. */
export const csvProjection: Projection<Record, string> = {
  project: ({ answers, recommendation }: Advice) => [
    answers.workloadName ?? '',
    answers.workload,
    answers.monthlySpendUsd,
    recommendation.chip,
    recommendation.vendor,
    recommendation.label,
    recommendation.reason,
  ],
  pack: (rows) => (rows.length === 0 ? '' : stringify(rows, CSV_OPTIONS)),
};
