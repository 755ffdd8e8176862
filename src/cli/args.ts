import { parseArgs } from 'node:util';

export interface CliOptions {
  readonly answers?: string;
  readonly json: boolean;
  readonly interactive: boolean;
  readonly rules?: string;
  readonly help: boolean;
  readonly version: boolean;
}

export const USAGE = `Usage: chip-advice [options]
       npm run advise -- [options]

Recommends an AI accelerator (AWS Trainium/Inferentia or NVIDIA) for a workload and explains why.

Options:
  -a, --answers FILE   Read answers from FILE ("-" for standard input): one JSON object,
                       a JSON array of objects, or JSON Lines (one object per line).
      --json           Print machine-readable JSON on standard output and nothing else.
                       One object in gives one object out; an array or JSON Lines gives
                       an array, in input order.
  -i, --interactive    Ask the questions even when standard input is not a terminal.
      --rules DIR      Evaluate with the rule files in DIR instead of the bundled rules/.
  -h, --help           Show this help.
  -v, --version        Show the version.

Without --answers, on a terminal, it asks the questions of the Slack modal one by one.

Exit codes: 0 advice given; 2 invalid input (each problem is named on standard error);
            1 internal error.

Examples:
  npm run advise
  npm run advise -- --answers workload.json
  npm run advise -- --answers batch.jsonl --json > advice.json
  cat workload.json | npm run advise -- --answers - --json`;

/** Parses argv (without node and script). Throws a TypeError with a readable message. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      answers: { type: 'string', short: 'a' },
      json: { type: 'boolean', default: false },
      interactive: { type: 'boolean', short: 'i', default: false },
      rules: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  return {
    ...(values.answers === undefined ? {} : { answers: values.answers }),
    ...(values.rules === undefined ? {} : { rules: values.rules }),
    json: values.json,
    interactive: values.interactive,
    help: values.help,
    version: values.version,
  };
}
