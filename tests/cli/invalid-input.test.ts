import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AWS_FRIENDLY_INFERENCE, AWS_FRIENDLY_TRAINING } from '../support/advisor.js';
import { copyRules } from '../support/rules-dir.js';
import { advise } from '../support/run-command.js';
import { answerFiles, asLines, expectNoStackTrace } from './cli-files.js';

const { dir, file } = answerFiles();

describe('chip-advice with invalid answers', () => {
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
    const lines = asLines([
      AWS_FRIENDLY_TRAINING,
      { ...AWS_FRIENDLY_TRAINING, workloadName: 'LLM', chipCount: 0 },
      { ...AWS_FRIENDLY_INFERENCE, inferenceProfile: undefined },
    ]);
    const result = await advise(['--answers', file('bad.jsonl', lines)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'chip-advice: workload #2 "LLM" (line 2): chipCount: must be a whole number, 1 or more (got the number 0)\n' +
        'chip-advice: workload #3 (line 3): inferenceProfile: is required for inference workloads: one of "commodity" or "complex-reasoning"\n' +
        'chip-advice: 2 of 3 workloads are invalid; nothing was evaluated\n',
    );
  });

  it('names the workload by position and line in a JSON array', async () => {
    const batch = [AWS_FRIENDLY_TRAINING, 42, { ...AWS_FRIENDLY_TRAINING, colour: 'red' }];
    // One element per line after the "[", and a blank line before the third.
    const [first, second, third] = batch.map((element) => JSON.stringify(element));
    const text = `[\n${first},\n${second},\n\n${third}\n]\n`;
    const result = await advise(['--answers', file('bad-array.json', text), '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      "chip-advice: workload #2 (line 3): answers: must be a JSON object with the questionnaire's fields, got the number 42\n",
    );
    expect(result.stderr).toContain('chip-advice: workload #3 (line 5): colour: is not a question');
    expect(result.stderr).toContain('2 of 3 workloads are invalid; nothing was evaluated');
  });

  it('names the line of a JSON array element far into the file (past the first chunk read)', async () => {
    const valid = Array.from({ length: 3000 }, () => JSON.stringify(AWS_FRIENDLY_TRAINING));
    const text = `[\n${[...valid, '{"workload": "training"}'].join(',\n')}\n]\n`;
    expect(text.length).toBeGreaterThan(256 * 1024);
    const result = await advise(['--answers', file('long-array.json', text), '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('chip-advice: workload #3001 (line 3002): ');
  });
});

describe('chip-advice with input that is not JSON', () => {
  it.each([
    ['broken JSON', '{ "workload": "training", }', /is not valid JSON: .+\(line 1, column \d+\)/],
    ['an empty file', '  \n', /is empty: expected answers as JSON/],
    ['an empty array', '[ ]', /holds an empty array: no workloads to evaluate/],
    [
      'a JSON Lines file with a broken line',
      '{"workload":"training"}\n{oops}\n',
      /chip-advice: .+ line 2 is not valid JSON: .+\(line 1, column 2\)/,
    ],
    [
      'an array missing a comma',
      '[\n  {"workload": "training"},\n  {"workload": "training"}\n  {"workload": "inference"}\n]',
      /is not valid JSON: expected a "," or a closing bracket, found "{" \(line 4, column 3\)$/m,
    ],
    [
      'an array with a trailing comma',
      '[{"workload": "training"},\n]',
      /is not valid JSON: expected a value, found "]" \(line 2, column 1\)$/m,
    ],
    [
      'an array that is not closed',
      '[{"workload": "training"},\n {"workload": "inference"}',
      /is not valid JSON: it ends before the array is closed \(line 2, column 27\)$/m,
    ],
    [
      'text after the array',
      '[{"workload": "training"}]\nmore',
      /is not valid JSON: unexpected "m" after the array's closing "]" \(line 2, column 1\)$/m,
    ],
  ])('exits 2 on %s, naming where', async (name, content, message) => {
    const result = await advise([
      '--answers',
      file(`broken-${name.replaceAll(' ', '-')}`, content),
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expectNoStackTrace(result.stderr);
  });

  it('reports a JSON Lines line over 1 MiB without reading it, and still checks the others', async () => {
    const lines = `${JSON.stringify(AWS_FRIENDLY_TRAINING)}\n${'x'.repeat(1_100_000)}\n{"workload":"x"}\n`;
    const result = await advise(['--answers', file('long-line.jsonl', lines)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/long-line\.jsonl line 2 is longer than 1 MiB\n/);
    expect(result.stderr).toContain('workload #3 (line 3): workload: must be one of');
    expect(result.stderr).toContain('2 of 3 workloads are invalid');
  });

  it('stops at a string over 1 MiB in an array instead of holding it', async () => {
    const text = `[{"workloadName": "${'x'.repeat(3_000_000)}"}]`;
    const result = await advise(['--answers', file('long-string.json', text)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /long-string\.json cannot be read: a value is longer than 1 MiB \(line 1, column \d+\)\n$/,
    );
  });

  it('stops at an array element over 1 MiB instead of holding it', async () => {
    const huge = { ...AWS_FRIENDLY_TRAINING, workloadName: 'x'.repeat(1_100_000) };
    const result = await advise(['--answers', file('huge.json', [AWS_FRIENDLY_TRAINING, huge])]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /huge\.json cannot be read: workload #2 is larger than 1 MiB \(line 1, column \d+\)\n$/,
    );
  });

  it.each([
    ['does not exist', path.join(dir, 'missing.json'), /cannot read .*missing\.json: no such file/],
    ['is a directory', dir, /cannot read .*: it is a directory/],
  ])('exits 2 when the answers file %s', async (_name, answers, message) => {
    const result = await advise(['--answers', answers]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('chip-advice with bad options', () => {
  it.each([
    [['--answer', 'x.json'], "Unknown option '--answer'"],
    [['--format', 'yaml'], '--format must be "text", "json" or "csv" (got "yaml")'],
    [['--json', '--format', 'text'], '--json and --format text contradict each other'],
    [['--portfolio'], '--portfolio needs --answers FILE (a batch of workloads)'],
    [
      ['--skip-invalid', '--portfolio'],
      '--portfolio and --skip-invalid need --answers FILE (a batch of workloads)',
    ],
    [
      ['--answers', 'x.json', '--portfolio', '--explain'],
      '--explain adds to the text advice of each workload; it has nothing to add to --portfolio',
    ],
    [
      ['--answers', 'x.json', '--format', 'csv', '--explain'],
      '--explain adds to the text advice of each workload; it has nothing to add to --format csv',
    ],
    [['--jobs', '0'], '--jobs must be a whole number from 1 to 64 (got "0")'],
    [['--jobs', 'two'], '--jobs must be a whole number from 1 to 64 (got "two")'],
  ])('exits 2 on %j and points to --help', async (args, message) => {
    const result = await advise(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `chip-advice: ${message}\nchip-advice: run with --help to see the options\n`,
    );
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
      expectNoStackTrace(result.stderr);
    } finally {
      rules.cleanup();
    }
  });
});

describe('chip-advice --help', () => {
  it('prints usage with the options and exit codes', async () => {
    const result = await advise(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--answers FILE');
    expect(result.stdout).toContain('--format FORMAT');
    expect(result.stdout).toContain('--explain');
    expect(result.stdout).toContain('Exit codes: 0 advice given; 2 invalid input');
  });
});
