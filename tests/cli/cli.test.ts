import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AWS_FRIENDLY_INFERENCE, AWS_FRIENDLY_TRAINING } from '../support/advisor.js';
import { copyRules } from '../support/rules-dir.js';
import { advise, runCommand } from '../support/run-command.js';

const dir = mkdtempSync(path.join(tmpdir(), 'chip-advice-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const full = path.join(dir, name);
  writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
  return full;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('chip-advice --answers --json', () => {
  it('turns one object into one recommendation object that follows the contract', async () => {
    const result = await advise(['--answers', file('one.json', AWS_FRIENDLY_INFERENCE), '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const advice = JSON.parse(result.stdout);
    expect(advice.recommendation).toEqual({
      chip: 'inferentia',
      vendor: 'aws',
      label: 'AWS Inferentia',
      reason: expect.any(String),
      summary: expect.any(String),
    });
    expect(advice.ranking[0]).toMatchObject({ chip: 'inferentia', score: expect.any(Number) });
    expect(advice.ranking).toHaveLength(4);
    expect(advice.rationale[0]).toMatchObject({
      ruleId: expect.any(String),
      text: expect.any(String),
      source: expect.any(String),
    });
    expect(advice.nextSteps.length).toBeGreaterThan(0);
  });

  it('turns an array into an array, in input order', async () => {
    const batch = [
      AWS_FRIENDLY_TRAINING,
      { ...AWS_FRIENDLY_INFERENCE, inferenceProfile: 'complex-reasoning' },
      AWS_FRIENDLY_INFERENCE,
    ];
    const result = await advise(['--answers', file('batch.json', batch), '--json']);
    expect(result.code).toBe(0);
    expect(
      JSON.parse(result.stdout).map(
        (a: { recommendation: { chip: string } }) => a.recommendation.chip,
      ),
    ).toEqual(['trainium', 'nvidia-groq-rubin', 'inferentia']);
  });

  it('reads JSON Lines, skipping blank lines, from standard input', async () => {
    const lines = `${JSON.stringify(AWS_FRIENDLY_TRAINING)}\n\n${JSON.stringify({ ...AWS_FRIENDLY_TRAINING, needsCustomCuda: true })}\n`;
    const result = await advise(['--answers', '-', '--json'], lines);
    expect(result.code).toBe(0);
    expect(
      JSON.parse(result.stdout).map(
        (a: { recommendation: { chip: string } }) => a.recommendation.chip,
      ),
    ).toEqual(['trainium', 'nvidia-blackwell-rubin']);
  });

  it('keeps standard output pure JSON when run through npm run advise', async () => {
    const result = await runCommand('npm', [
      'run',
      'advise',
      '--',
      '--answers',
      file('npm.json', AWS_FRIENDLY_TRAINING),
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).recommendation.chip).toBe('trainium');
  });
});

describe('chip-advice text output', () => {
  it('gives a person the recommendation, ranking, rationale and what would change it', async () => {
    const result = await advise([
      '--answers',
      file('text.json', {
        ...AWS_FRIENDLY_TRAINING,
        workloadName: 'Ranker',
        monthlySpendUsd: 8000,
      }),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Workload: Ranker (training, $8,000/month)');
    expect(result.stdout).toContain('Recommendation: NVIDIA Blackwell/Rubin');
    for (const heading of [
      'Ranking',
      'Why (rules that fired)',
      'What would change the answer',
      'Risk and migration effort',
      'Cost estimate',
      'Next steps',
    ]) {
      expect(result.stdout).toContain(`\n${heading}\n`);
    }
    expect(result.stdout).toContain(
      'If monthly spend were above $10,000 (you answered $8,000), AWS Trainium would be recommended',
    );
  });
});

describe('chip-advice with invalid input', () => {
  it('exits 2 naming each bad field and what is expected, with nothing on standard output', async () => {
    const result = await advise([
      '--answers',
      file('bad.json', { ...AWS_FRIENDLY_TRAINING, monthlySpendUsd: '50000', priority: 'cheap' }),
      '--json',
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatchInlineSnapshot(`
      "chip-advice: monthlySpendUsd: must be a number of dollars, 0 or more, written as a JSON number without quotes (got the string "50000")
      chip-advice: priority: must be one of "cost", "balanced" or "performance" (got the string "cheap")
      chip-advice: the answers are invalid; nothing was evaluated
      "
    `);
  });

  it('names the workload by position and line in JSON Lines', async () => {
    const lines = [
      AWS_FRIENDLY_TRAINING,
      { ...AWS_FRIENDLY_TRAINING, workloadName: 'LLM', chipCount: 0 },
      { ...AWS_FRIENDLY_INFERENCE, inferenceProfile: undefined },
    ]
      .map((a) => JSON.stringify(a))
      .join('\n');
    const result = await advise(['--answers', file('bad.jsonl', lines)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'chip-advice: workload #2 "LLM" (line 2): chipCount: must be a whole number, 1 or more (got the number 0)',
    );
    expect(result.stderr).toContain(
      'chip-advice: workload #3 (line 3): inferenceProfile: is required for inference workloads',
    );
    expect(result.stderr).toContain('2 of 3 workloads are invalid; nothing was evaluated');
  });

  it.each([
    ['broken JSON', '{ "workload": "training", }', /is not valid JSON: .+\(line 1, column \d+\)/],
    ['an empty file', '  \n', /is empty: expected answers as JSON/],
    ['an empty array', '[]', /holds an empty array/],
    [
      'a JSON Lines file with a broken line',
      '{"workload":"training"}\n{oops}\n',
      /line 2 is not valid JSON/,
    ],
  ])('exits 2 on %s', async (_name, content, message) => {
    const result = await advise(['--answers', file(`broken-${_name.length}.json`, content)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    noStackTrace(result.stderr);
  });

  it('exits 2 when the answers file does not exist', async () => {
    const result = await advise(['--answers', path.join(dir, 'missing.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read .*missing\.json: no such file/);
  });

  it('exits 2 on an unknown option and points to --help', async () => {
    const result = await advise(['--answer', 'x.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--answer'/);
    expect(result.stderr).toContain('run with --help to see the options');
    noStackTrace(result.stderr);
  });

  it('exits 2 without answers when standard input is not a terminal', async () => {
    const result = await advise([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no answers given: pass --answers FILE');
  });

  it('exits 2 with the file and JSON path when --rules points at a broken rule file', async () => {
    const rules = copyRules();
    try {
      rules.edit('checklist.json', (json) => {
        json.rules[0].event.params.points = { 'nvidia-blackwell-rubin': 'five' };
      });
      const result = await advise([
        '--rules',
        rules.dir,
        '--answers',
        file('r.json', AWS_FRIENDLY_TRAINING),
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        'checklist.json: rules[0] ("training-spend-under-threshold").event.params.points["nvidia-blackwell-rubin"]',
      );
      noStackTrace(result.stderr);
    } finally {
      rules.cleanup();
    }
  });
});

describe('chip-advice questions on a terminal', () => {
  const typed = [
    'Nightly fine-tune',
    'training',
    '$8,000',
    'pytorch, jax',
    'n',
    '1',
    'yes',
    'cost',
    '',
    '',
  ];

  it('asks the catalog questions, skips those that do not apply, and prints the advice', async () => {
    const result = await advise(['--interactive', '--json'], `${typed.join('\n')}\n`);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('What will the accelerators do?');
    expect(result.stderr).not.toContain('What kind of inference is it?');
    const advice = JSON.parse(result.stdout);
    expect(advice.answers).toEqual({
      workloadName: 'Nightly fine-tune',
      workload: 'training',
      monthlySpendUsd: 8000,
      frameworks: ['pytorch', 'jax'],
      needsCustomCuda: false,
      cloudStrategy: 'aws-only',
      acceptsAwsLockIn: true,
      priority: 'cost',
    });
  });

  it('re-asks after an invalid answer, saying what is wrong', async () => {
    const withMistakes = [
      '',
      'inference',
      'commodity',
      '10abc',
      '-3',
      '25000',
      'caffe',
      'pytorch',
      'n',
      'aws-only',
      'y',
      'balanced',
      '',
    ];
    const result = await advise(['--interactive', '--json'], `${withMistakes.join('\n')}\n`);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      '✗ Monthly spend: must be a number of dollars, 0 or more. Try again.',
    );
    expect(result.stderr).toContain('✗ Frameworks: must be a list of one or more');
    expect(JSON.parse(result.stdout).recommendation.chip).toBe('inferentia');
  });

  it('exits 2 when input ends before every question is answered', async () => {
    const result = await advise(['--interactive'], 'training\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'input ended before every question was answered; nothing was evaluated',
    );
    expect(result.stdout).toBe('');
  });
});

describe('chip-advice --help', () => {
  it('prints usage with the options and exit codes', async () => {
    const result = await advise(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--answers FILE');
    expect(result.stdout).toContain('Exit codes: 0 advice given; 2 invalid input');
  });
});
