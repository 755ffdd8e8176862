import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../testkit/project.js';
import { AWS_FRIENDLY_INFERENCE, AWS_FRIENDLY_TRAINING, advisor } from '../support/advisor.js';
import { advise, type CommandResult, runCommand } from '../support/run-command.js';
import { answerFiles, asLines, chipsOf, workloads } from './cli-files.js';

const { file } = answerFiles();

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
    expect(chipsOf(result.stdout)).toEqual(['trainium', 'nvidia-groq-rubin', 'inferentia']);
  });

  it('reads JSON Lines from standard input, skipping blank lines, CRLF endings and a BOM', async () => {
    const custom = { ...AWS_FRIENDLY_TRAINING, needsCustomCuda: true };
    const lines = `\uFEFF${JSON.stringify(AWS_FRIENDLY_TRAINING)}\r\n\r\n${JSON.stringify(custom)}\r\n`;
    const result = await advise(['--answers', '-', '--json'], lines);
    expect(result.code).toBe(0);
    expect(chipsOf(result.stdout)).toEqual(['trainium', 'nvidia-blackwell-rubin']);
  });

  it('reads an object written over many lines as one workload, and one JSON line as one too', async () => {
    const pretty = file('pretty.json', JSON.stringify(AWS_FRIENDLY_TRAINING, null, 2));
    const oneLine = file('one-line.jsonl', `${JSON.stringify(AWS_FRIENDLY_TRAINING)}\n`);
    for (const answers of [pretty, oneLine]) {
      const result = await advise(['--answers', answers, '--json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).recommendation.chip).toBe('trainium');
    }
  });
});

/** These run the real command on 1,200 workloads: seconds each, more on a busy machine. */
const SLOW = 120_000;

describe('a large batch', () => {
  // Over the size (256 KB) from which worker threads are used.
  const many = workloads(1_200);
  const lines = file('many.jsonl', asLines(many));
  let pooled: CommandResult;
  beforeAll(async () => {
    pooled = await advise(['--answers', lines, '--json', '--jobs', '2']);
  }, SLOW);

  it('gives the advice of the advisor for each workload, in input order, on worker threads', async () => {
    const result = pooled;
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout) as { answers: unknown; recommendation: unknown }[];
    expect(output).toHaveLength(many.length);
    for (const i of [0, 1, 249, 250, 251, 777, 1_199]) {
      const expected = await advisor.advise(many[i] as (typeof many)[number]);
      expect(output[i]?.answers).toEqual(many[i]);
      expect(output[i]?.recommendation).toEqual(expected.recommendation);
    }
  });

  it(
    'prints exactly the same with one thread, and from a JSON array over many lines',
    async () => {
      const single = await advise(['--answers', lines, '--json', '--jobs', '1']);
      const array = await advise([
        '--answers',
        file('many.json', JSON.stringify(many, null, 2)),
        '--json',
      ]);
      expect(single.code).toBe(0);
      expect(single.stdout).toBe(pooled.stdout);
      expect(array.code).toBe(0);
      expect(array.stdout).toBe(pooled.stdout);
    },
    SLOW,
  );

  it(
    'prints nothing when one workload near the end is invalid, and names it',
    async () => {
      const broken = [...many];
      broken[1_100] = { ...AWS_FRIENDLY_TRAINING, workloadName: 'Late one', frameworks: [] };
      const result = await advise(['--answers', file('late.jsonl', asLines(broken)), '--json']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        'chip-advice: workload #1101 "Late one" (line 1101): frameworks: must be a list of one or more of "pytorch", "jax", "tensorflow", "other", each once (got an empty list)\n' +
          'chip-advice: 1 of 1200 workloads are invalid; nothing was evaluated\n',
      );
    },
    SLOW,
  );

  it(
    'reads standard input through a temporary copy that it removes afterwards',
    async () => {
      const temp = mkdtempSync(path.join(tmpdir(), 'chip-advice-spool-test-'));
      afterAll(() => rmSync(temp, { recursive: true, force: true }));
      const result = await runCommand(
        process.execPath,
        ['dist/cli/main.js', '--answers', '-', '--json'],
        { input: readFileSync(lines, 'utf8'), env: { TMPDIR: temp } },
      );
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toHaveLength(many.length);
      expect(readdirSync(temp)).toEqual([]);
    },
    SLOW,
  );
});

describe('a batch stopped by a signal', () => {
  it('exits 143 on SIGTERM and removes its copy of standard input', async () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'chip-advice-signal-test-'));
    afterAll(() => rmSync(temp, { recursive: true, force: true }));
    const child = spawn(process.execPath, ['dist/cli/main.js', '--answers', '-', '--json'], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: temp },
    });
    // Standard input stays open: the command is still copying it when the signal comes.
    child.stdin.write(`${JSON.stringify(AWS_FRIENDLY_TRAINING)}\n`);
    while (readdirSync(temp).length === 0) await sleep(20);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe('chip-advice text output for a batch', () => {
  it('separates the workloads with a rule, in input order', async () => {
    const batch = [
      { ...AWS_FRIENDLY_TRAINING, workloadName: 'First' },
      { ...AWS_FRIENDLY_INFERENCE, workloadName: 'Second' },
    ];
    const result = await advise(['--answers', file('two.json', batch)]);
    expect(result.code).toBe(0);
    const parts = result.stdout.split(`\n${'─'.repeat(72)}\n\n`);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/^Recommendation: AWS Trainium\nFor: First \(training/);
    expect(parts[1]).toMatch(/^Recommendation: AWS Inferentia\nFor: Second \(inference/);
  });
});
