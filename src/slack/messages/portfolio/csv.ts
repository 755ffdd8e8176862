import { stringify } from 'csv-stringify/sync';
import { type DecisionRow, threadLink } from './rows.js';

/** The Export CSV file's columns (issue 13), one row per current decision. */
export const SUMMARY_CSV_COLUMNS = [
  'workload',
  'kind',
  'spend',
  'chip',
  'vendor',
  'decided by',
  'decided at',
  'rules version',
  'thread link',
] as const;

/**
 * Every row of a channel's portfolio as CSV, for the file uploaded into the summary's thread:
 * RFC 4180 quoting, CRLF records, and a leading apostrophe on a cell a spreadsheet would run as
 * a formula (a workload name such as `=HYPERLINK(...)`). `decided by` is the Slack user id,
 * `decided at` an ISO 8601 time in UTC, `spend` the monthly spend in US dollars.
 */
export function summaryCsv(rows: readonly DecisionRow[], teamDomain: string): string {
  return stringify(
    [
      [...SUMMARY_CSV_COLUMNS],
      ...rows.map((row) => [
        row.workloadName ?? '',
        row.workload,
        row.monthlySpendUsd,
        row.chip,
        row.vendor,
        row.userId,
        row.decidedAt.toISOString(),
        row.rulesVersion,
        threadLink(teamDomain, row.channelId, row.threadTs),
      ]),
    ],
    { record_delimiter: 'windows', escape_formulas: true },
  );
}
