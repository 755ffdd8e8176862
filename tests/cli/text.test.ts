import { describe, expect, it } from 'vitest';
import { MORE, renderAdvice } from '../../src/cli/output/text/render.js';
import { AWS_FRIENDLY_TRAINING, advisor } from '../support/advisor.js';
import { advise, runCommand } from '../support/run-command.js';
import { answerFiles, workloads } from './cli-files.js';

const { file } = answerFiles();
const sample = await Promise.all(workloads(200, 3).map((answers) => advisor.advise(answers)));
const ranker = await advisor.advise({
  ...AWS_FRIENDLY_TRAINING,
  workloadName: 'Ranker',
  monthlySpendUsd: 8_000,
});

const linesOf = (text: string) => text.replace(/\n$/, '').split('\n');
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('the text answer', () => {
  it('starts with the chip and why, then the cost, what would change it and the next steps', () => {
    const text = renderAdvice(ranker, { width: 80, explain: false });
    const lines = linesOf(text);
    expect(lines[0]).toBe('Recommendation: NVIDIA Blackwell/Rubin');
    expect(lines[1]).toBe('For: Ranker (training, $8,000/month)');
    expect(lines[2]).toMatch(/^Why: \S/);
    const order = ['Cost estimate', 'What would change the answer', 'Next steps'].map((title) =>
      lines.indexOf(title),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(words(text).join(' ')).toContain(
      'If monthly spend were above $10,000 (you answered $8,000), AWS Trainium would be recommended',
    );
    expect(lines.at(-1)).toBe(MORE);
    for (const hidden of ['Ranking', 'Why (rules that fired)', 'Risk and migration effort']) {
      expect(lines).not.toContain(hidden);
    }
  });

  it('fits one workload in about 30 lines at 80 columns', () => {
    const counts = sample.map(
      (advice) => linesOf(renderAdvice(advice, { width: 80, explain: false })).length,
    );
    counts.sort((a, b) => a - b);
    expect(counts[Math.floor(counts.length / 2)]).toBeLessThanOrEqual(30);
    expect(counts.at(-1)).toBeLessThanOrEqual(40);
  });

  it.each([40, 57, 80, 132])('wraps every line to %i columns without splitting a word', (width) => {
    for (const advice of sample.slice(0, 40)) {
      for (const explain of [false, true]) {
        const text = renderAdvice(advice, { width, explain });
        for (const line of linesOf(text)) expect(line.length, line).toBeLessThanOrEqual(width);
        const unwrapped = renderAdvice(advice, { width: 100_000, explain });
        expect(words(text)).toEqual(words(unwrapped));
      }
    }
  });

  it("adds the ranking, every rule that fired with its conditions, and each option's risk with --explain", () => {
    const text = renderAdvice(ranker, { width: 80, explain: true });
    const lines = linesOf(text);
    expect(lines).toContain('Ranking');
    expect(lines).toContain('Why (rules that fired)');
    expect(lines).toContain('Risk and migration effort');
    expect(text).not.toContain(MORE);
    ranker.ranking.forEach((chip, i) => {
      expect(text).toContain(`  ${i + 1}. ${chip.label}`);
    });
    for (const entry of ranker.rationale) expect(text).toContain(`(rule ${entry.ruleId})`);
    expect(text).toMatch(/^ {6}✓ Monthly spend: at most \$10,000 \(you answered \$8,000\)$/m);
  });
});

describe('the text answer from the command', () => {
  it('is wrapped to 80 columns when standard output is not a terminal', async () => {
    const long = {
      ...AWS_FRIENDLY_TRAINING,
      workloadName: 'A name long enough to wrap the first lines of the answer somewhere',
    };
    const result = await advise(['--answers', file('long.json', long), '--explain']);
    expect(result.code).toBe(0);
    const lines = linesOf(result.stdout);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(lines.some((line) => line.length > 70)).toBe(true);
  });

  it('is wrapped to the width of the terminal it prints on', async () => {
    // `script` gives the command a terminal (a pseudo-terminal) 60 columns wide.
    const answers = file('tty.json', AWS_FRIENDLY_TRAINING);
    const result = await runCommand('script', [
      '-qec',
      `stty cols 60 && ${process.execPath} dist/cli/main.js --answers ${answers}`,
      '/dev/null',
    ]);
    expect(result.code).toBe(0);
    const lines = linesOf(result.stdout.replaceAll('\r', ''));
    expect(lines[0]).toBe('Recommendation: AWS Trainium');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(60);
    expect(lines.some((line) => line.length > 50)).toBe(true);
  });
});
