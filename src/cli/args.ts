import { parseArgs } from 'node:util';
import { InputInvalidError } from './errors.js';

/** What `--format` accepts. */
export const FORMATS = ['text', 'json', 'csv'] as const;
export type FormatName = (typeof FORMATS)[number];

/**
 * What is printed: a format, and with `--portfolio` its portfolio form. CSV is one row per
 * workload either way (a spreadsheet sums it), so `--portfolio --format csv` is `csv`.
 */
export type OutputName = FormatName | 'portfolio-text' | 'portfolio-json';

/** Most worker threads `--jobs` accepts: past the cores they only add memory. */
export const MAX_JOBS = 64;

export interface CliOptions {
  readonly answers?: string;
  readonly format: FormatName;
  /** `--portfolio`: the batch summed by chip and vendor instead of each workload's advice. */
  readonly portfolio: boolean;
  /** `--skip-invalid`: evaluate the valid workloads of a batch, report the others, exit 2. */
  readonly skipInvalid: boolean;
  /** Text output: add the ranking, every rule that fired and each chip's risk. */
  readonly explain: boolean;
  /** Worker threads for a large batch; undefined means one per CPU core. */
  readonly jobs?: number;
  readonly interactive: boolean;
  readonly rules?: string;
  readonly help: boolean;
  readonly version: boolean;
}

export const USAGE = `Usage: chip-advice [options]
       npm run -s advise -- [options]

Recommends an AI accelerator (AWS Trainium/Inferentia or NVIDIA) for a workload and explains why.

Options:
  -a, --answers FILE   Read answers from FILE ("-" for standard input): one JSON object,
                       a JSON array of objects, or JSON Lines (one object per line).
                       Batches of any size are streamed; nothing is printed unless every
                       workload is valid.
      --json           Same as --format json.
      --format FORMAT  text (default), json or csv. json prints machine-readable JSON and
                       nothing else: one object in gives one object out; an array or JSON
                       Lines gives an array, in input order. csv prints a header and one
                       row per workload (workloadName,workload,monthlySpendUsd,chip,vendor,
                       label,reason), with or without --portfolio.
      --portfolio      Sum the batch up instead: a table of one line per workload, the split
                       by chip and by vendor with bars, the total spend and the saving range.
                       With --json, one object (workloads, byChip, byVendor, totals, ...).
      --skip-invalid   Evaluate the valid workloads of a batch and name each invalid one on
                       standard error (by position and line); the exit code is still 2.
      --explain        Text output: add the ranking of every chip, every rule that fired with
                       its conditions, and the risk and migration effort of each option.
      --jobs N         Worker threads for batches over 256 KB (default: one per CPU core).
  -i, --interactive    Ask the questions even when standard input is not a terminal.
      --rules DIR      Evaluate with the rule files in DIR instead of the bundled rules/.
  -h, --help           Show this help.
  -v, --version        Show the version.

Without --answers, on a terminal, it asks the questions of the Slack modal one by one:
type a number or a value, "back" for the previous question; a review comes before the advice.

Exit codes: 0 advice given; 2 invalid input (each problem is named on standard error, and
            nothing is printed on standard output, unless --skip-invalid printed the
            advice of the valid workloads); 1 internal error.

Examples:
  npm run advise
  npm run -s advise -- --answers workload.json
  npx chip-advice --answers batch.jsonl --json > advice.json
  npx chip-advice --answers batch.jsonl --portfolio
  npx chip-advice --answers batch.jsonl --format csv > workloads.csv
  cat workload.json | npx chip-advice --answers - --json`;

const SEE_HELP = 'run with --help to see the options';

/**
 * Parses argv (without node and script).
 * @throws {InputInvalidError} naming the bad flag or value, with a pointer to --help.
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values: ReturnType<typeof parseRaw>['values'];
  try {
    ({ values } = parseRaw(argv));
  } catch (error) {
    throw new InputInvalidError([(error as Error).message, SEE_HELP], { cause: error });
  }
  const options: CliOptions = {
    ...(values.answers === undefined ? {} : { answers: values.answers }),
    ...(values.rules === undefined ? {} : { rules: values.rules }),
    ...(values.jobs === undefined ? {} : { jobs: parseJobs(values.jobs) }),
    format: parseFormat(values.format, values.json),
    portfolio: values.portfolio,
    skipInvalid: values['skip-invalid'],
    explain: values.explain,
    interactive: values.interactive,
    help: values.help,
    version: values.version,
  };
  checkCombination(options);
  return options;
}

/** What is printed for these options. */
export function outputOf(options: Pick<CliOptions, 'format' | 'portfolio'>): OutputName {
  if (!options.portfolio || options.format === 'csv') return options.format;
  return options.format === 'json' ? 'portfolio-json' : 'portfolio-text';
}

function checkCombination(options: CliOptions): void {
  if (options.help || options.version) return;
  const batchOnly = [
    options.portfolio && '--portfolio',
    options.skipInvalid && '--skip-invalid',
  ].filter((flag): flag is string => typeof flag === 'string');
  if (options.answers === undefined && batchOnly.length > 0) {
    throw new InputInvalidError([
      `${batchOnly.join(' and ')} need${batchOnly.length === 1 ? 's' : ''} --answers FILE (a batch of workloads)`,
      SEE_HELP,
    ]);
  }
  if (options.explain && (options.portfolio || options.format === 'csv')) {
    const other = options.portfolio ? '--portfolio' : `--format ${options.format}`;
    throw new InputInvalidError([
      `--explain adds to the text advice of each workload; it has nothing to add to ${other}`,
      SEE_HELP,
    ]);
  }
}

function parseRaw(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      answers: { type: 'string', short: 'a' },
      json: { type: 'boolean', default: false },
      format: { type: 'string' },
      portfolio: { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      jobs: { type: 'string' },
      interactive: { type: 'boolean', short: 'i', default: false },
      rules: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
}

function parseFormat(format: string | undefined, json: boolean): FormatName {
  if (format === undefined) return json ? 'json' : 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    const quoted = FORMATS.map((name) => `"${name}"`);
    const known = `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
    throw new InputInvalidError([`--format must be ${known} (got "${format}")`, SEE_HELP]);
  }
  if (json && format !== 'json') {
    throw new InputInvalidError([`--json and --format ${format} contradict each other`, SEE_HELP]);
  }
  return format as FormatName;
}

function parseJobs(text: string): number {
  const jobs = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (!(jobs >= 1 && jobs <= MAX_JOBS)) {
    throw new InputInvalidError([
      `--jobs must be a whole number from 1 to ${MAX_JOBS} (got "${text}")`,
      SEE_HELP,
    ]);
  }
  return jobs;
}
