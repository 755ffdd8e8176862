import { beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/index.js';
import {
  type PortfolioRow,
  portfolioChips,
  portfolioRowOf,
  summarizePortfolio,
} from '../../src/core/portfolio/index.js';
import {
  AWS_FRIENDLY_INFERENCE,
  AWS_FRIENDLY_TRAINING,
  advisor,
  ruleset,
} from '../support/advisor.js';
import { advise, type CommandResult } from '../support/run-command.js';
import { answerFiles, asLines, expectNoStackTrace, workloads } from './cli-files.js';

const { file } = answerFiles();
const chips = portfolioChips(ruleset);

/** Four workloads, two AWS and two NVIDIA, one without a name. */
const BATCH: Answers[] = [
  { ...AWS_FRIENDLY_INFERENCE, workloadName: 'Search ranking' },
  {
    ...AWS_FRIENDLY_TRAINING,
    workloadName: 'LLM pre-training, "big" one',
    monthlySpendUsd: 250_000,
  },
  { ...AWS_FRIENDLY_TRAINING, monthlySpendUsd: 2_500, priority: 'cost' },
  {
    ...AWS_FRIENDLY_INFERENCE,
    workloadName: 'Agents',
    inferenceProfile: 'complex-reasoning',
    monthlySpendUsd: 80_000,
  },
];

/** The rows the advisor itself gives for some answers. */
async function rowsOf(batch: readonly Answers[]): Promise<PortfolioRow[]> {
  const rows: PortfolioRow[] = [];
  for (const answers of batch) {
    rows.push(portfolioRowOf(answers, (await advisor.advise(answers)).recommendation));
  }
  return rows;
}

/** What CONTRACT section 5 shows of a row. */
const contractRow = ({ profile: _profile, ...row }: PortfolioRow) => row;

describe('chip-advice --portfolio --json', () => {
  it('prints one object with the workloads in input order, byChip, byVendor and totals', async () => {
    const result = await advise([
      '--answers',
      file('four.jsonl', asLines(BATCH)),
      '--portfolio',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const portfolio = JSON.parse(result.stdout);
    expect(portfolio.workloads).toEqual([
      {
        workloadName: 'Search ranking',
        workload: 'inference',
        monthlySpendUsd: 50_000,
        chip: 'inferentia',
        vendor: 'aws',
      },
      {
        workloadName: 'LLM pre-training, "big" one',
        workload: 'training',
        monthlySpendUsd: 250_000,
        chip: 'trainium',
        vendor: 'aws',
      },
      // No name in, no workloadName out.
      {
        workload: 'training',
        monthlySpendUsd: 2_500,
        chip: 'nvidia-blackwell-rubin',
        vendor: 'nvidia',
      },
      {
        workloadName: 'Agents',
        workload: 'inference',
        monthlySpendUsd: 80_000,
        chip: 'nvidia-groq-rubin',
        vendor: 'nvidia',
      },
    ]);
    expect(portfolio.byChip).toEqual({
      'nvidia-blackwell-rubin': { count: 1, monthlySpendUsd: 2_500, share: 2_500 / 382_500 },
      'nvidia-groq-rubin': { count: 1, monthlySpendUsd: 80_000, share: 80_000 / 382_500 },
      trainium: { count: 1, monthlySpendUsd: 250_000, share: 250_000 / 382_500 },
      inferentia: { count: 1, monthlySpendUsd: 50_000, share: 50_000 / 382_500 },
    });
    expect(portfolio.byVendor).toEqual({
      aws: { count: 2, monthlySpendUsd: 300_000, share: 300_000 / 382_500 },
      nvidia: { count: 2, monthlySpendUsd: 82_500, share: 82_500 / 382_500 },
    });
    expect(portfolio.totals).toEqual({ workloads: 4, monthlySpendUsd: 382_500 });
    expect(portfolio.saving).toMatchObject({
      basisMonthlySpendUsd: 300_000,
      monthlyUsd: { low: 0, high: 120_000 },
      annualUsd: { low: 0, high: 1_440_000 },
    });
    expect(portfolio.alignment).toMatchObject({
      costSensitiveOnAws: 2,
      demandingOnNvidia: 1,
      standardizedOnNvidia: 1,
    });
  });

  it('turns one object into a portfolio of one', async () => {
    const one = await advise([
      '--answers',
      file('one.json', AWS_FRIENDLY_INFERENCE),
      '--portfolio',
      '--json',
    ]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({
      workloads: [
        { workload: 'inference', monthlySpendUsd: 50_000, chip: 'inferentia', vendor: 'aws' },
      ],
      byVendor: {
        aws: { count: 1, monthlySpendUsd: 50_000, share: 1 },
        nvidia: { count: 0, monthlySpendUsd: 0, share: 0 },
      },
      totals: { workloads: 1, monthlySpendUsd: 50_000 },
    });
  });
});

describe('chip-advice --portfolio', () => {
  it('prints a table of one line per workload, the split with bars, the totals and the saving range', async () => {
    const result = await advise(['--answers', file('four.json', BATCH), '--portfolio']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Workload                      Kind        Monthly spend  Chip
      ────────────────────────────────────────────────────────────────────────────────
      Search ranking                inference         $50,000  AWS Inferentia
      LLM pre-training, "big" one   training         $250,000  AWS Trainium
      workload #3                   training           $2,500  NVIDIA Blackwell/Rubin
      Agents                        inference         $80,000  NVIDIA Groq LPU + Rubin

      By chip                  Workloads   Monthly spend  Share
      NVIDIA Blackwell/Rubin           1          $2,500  ░░░░░░░░░░   0.7%
      NVIDIA Groq LPU + Rubin          1         $80,000  ██░░░░░░░░  20.9%
      AWS Trainium                     1        $250,000  ███████░░░  65.4%
      AWS Inferentia                   1         $50,000  █░░░░░░░░░  13.1%

      By vendor  Workloads   Monthly spend  Share
      AWS                2        $300,000  ████████░░  78.4%
      NVIDIA             2         $82,500  ██░░░░░░░░  21.6%

      Total: 4 workloads, $382,500 a month stated spend
      Estimated saving: $0 to $120,000 a month ($0 to $1,440,000 a year) on the
      $300,000 a month of workloads recommended AWS silicon, from the article's ~40%
      claim ("The Enterprise Decision Framework: Custom vs NVIDIA" and "Why AWS Still
      Needs NVIDIA (Despite Custom Chips)"); an estimate, not a quote.
      Hybrid strategy: 2 cost-sensitive workloads on AWS silicon, 1
                       performance-critical or multi-cloud workload on NVIDIA and 1
                       other workload on NVIDIA for flexibility, where spend,
                       frameworks or lock-in do not make the case for AWS silicon.
                       This is the article's hybrid strategy. (Source: "finance leader
                       Decision Guide")
      "
    `);
  });

  it('cuts a long or wide name to its column, counting wide characters as two', async () => {
    const names = ['A'.repeat(80), '日本語のワークロード名前がとても長い場合'];
    const batch = names.map((workloadName) => ({ ...AWS_FRIENDLY_INFERENCE, workloadName }));
    const result = await advise(['--answers', file('long.json', batch), '--portfolio']);
    expect(result.code).toBe(0);
    const [first, second] = result.stdout.split('\n').slice(2, 4);
    expect(first).toBe(`${'A'.repeat(27)}…  inference         $50,000  AWS Inferentia`);
    expect(second).toMatch(/^日本語のワークロード名前が… {2,3}inference/);
  });
});

describe('chip-advice --format csv', () => {
  const tricky: Answers[] = [
    { ...AWS_FRIENDLY_INFERENCE, workloadName: 'Search, "ranking"' },
    {
      ...AWS_FRIENDLY_INFERENCE,
      workloadName: '=HYPERLINK("http://x")',
      monthlySpendUsd: 10_000.5,
    },
    { ...AWS_FRIENDLY_TRAINING, monthlySpendUsd: 0, needsCustomCuda: true },
  ];

  it('prints a header and one RFC 4180 row per workload, with or without --portfolio', async () => {
    const answers = file('tricky.jsonl', asLines(tricky));
    const plain = await advise(['--answers', answers, '--format', 'csv']);
    expect(plain.code).toBe(0);
    const lines = plain.stdout.split('\r\n');
    expect(lines[0]).toBe('workloadName,workload,monthlySpendUsd,chip,vendor,label,reason');
    expect(lines[1]).toMatch(
      /^"Search, ""ranking""",inference,50000,inferentia,aws,AWS Inferentia,/,
    );
    // A name a spreadsheet would run as a formula is kept as text.
    expect(lines[2]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)",inference,10000.5,inferentia,aws,/);
    expect(lines[3]).toMatch(/^,training,0,nvidia-blackwell-rubin,nvidia,NVIDIA Blackwell\/Rubin,/);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    const withPortfolio = await advise(['--answers', answers, '--format', 'csv', '--portfolio']);
    expect(withPortfolio.stdout).toBe(plain.stdout);
  });
});

describe('invalid workloads in a batch', () => {
  const batch = [
    BATCH[0],
    { ...BATCH[1], monthlySpendUsd: '50000' },
    BATCH[2],
    '{"workload": "training",',
    BATCH[3],
  ].map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  const answers = file('some-bad.jsonl', `${batch.join('\n')}\n`);

  it.each([['--portfolio'], ['--portfolio', '--json'], ['--format', 'csv'], ['--json']])(
    'stop %j by default: exit 2, nothing evaluated, nothing on standard output',
    async (...flags) => {
      const result = await advise(['--answers', answers, ...flags]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('2 of 5 workloads are invalid; nothing was evaluated');
    },
  );

  it('are left out with --skip-invalid, each named by position and line, and the exit code is 2', async () => {
    const result = await advise(['--answers', answers, '--portfolio', '--json', '--skip-invalid']);
    expect(result.code).toBe(2);
    expectNoStackTrace(result.stderr);
    expect(result.stderr.split('\n')).toEqual([
      'chip-advice: workload #2 "LLM pre-training, \\"big\\" one" (line 2): monthlySpendUsd: must be a number of dollars, 0 or more, written as a JSON number without quotes (got the string "50000")',
      expect.stringMatching(/^chip-advice: \S+some-bad\.jsonl line 4 is not valid JSON: /),
      'chip-advice: 2 of 5 workloads are invalid and were left out; the other 3 were evaluated',
      '',
    ]);
    const portfolio = JSON.parse(result.stdout);
    const valid = [BATCH[0], BATCH[2], BATCH[3]] as Answers[];
    expect(portfolio.workloads).toEqual((await rowsOf(valid)).map(contractRow));
    expect(portfolio.totals).toEqual({ workloads: 3, monthlySpendUsd: 132_500 });
  });

  it('give an empty result with --skip-invalid when none is valid', async () => {
    const bad = file('all-bad.json', [{ workload: 'training' }, { workload: 'inference' }]);
    const result = await advise(['--answers', bad, '--format', 'csv', '--skip-invalid']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(
      'workloadName,workload,monthlySpendUsd,chip,vendor,label,reason\r\n',
    );
    expect(result.stderr).toContain(
      '2 of 2 workloads are invalid and were left out; the other 0 were evaluated',
    );
  });
});

/** The real command on 1,200 workloads, on worker threads: seconds, more on a busy machine. */
const SLOW = 120_000;

describe('a large batch with --portfolio', () => {
  const many = workloads(1_200, 13);
  let result: CommandResult;
  beforeAll(async () => {
    result = await advise([
      '--answers',
      file('many.jsonl', asLines(many)),
      '--portfolio',
      '--json',
      '--jobs',
      '2',
    ]);
  }, SLOW);

  it('sums on worker threads exactly what the advisor gives one by one', async () => {
    expect(result.code).toBe(0);
    const rows = await rowsOf(many);
    const { workloads: listed, ...sums } = JSON.parse(result.stdout);
    expect(listed).toEqual(rows.map(contractRow));
    expect(sums).toEqual(JSON.parse(JSON.stringify(summarizePortfolio(rows, chips))));
  });
});
