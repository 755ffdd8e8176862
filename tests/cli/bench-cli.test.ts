import { describe, expect, it } from 'vitest';
import { cliFigures } from '../../bench/cli-report.js';
import { benchCli } from '../../bench/cli-throughput.js';
import { benchWorkload } from '../../bench/cli-workloads.js';
import { parseAnswers } from '../../src/core/index.js';

/**
 * The CLI's part of `npm run bench` on its smoke size: the real command on generated batches,
 * beside the bare engine. Nothing here is about how fast anything is.
 */
describe('the CLI benchmark', () => {
  it('generates valid workloads only', () => {
    for (let i = 0; i < 2_000; i += 1) {
      const result = parseAnswers(benchWorkload(i));
      expect(result.ok, JSON.stringify(benchWorkload(i))).toBe(true);
    }
  });

  it('measures throughput and peak memory of the real command on a tiny size', async () => {
    const cli = await benchCli('smoke');
    expect(cli.bareEngine.workloads).toBe(200);
    expect(cli.json.workloads).toBe(200);
    expect(cli.memory.map((run) => run.workloads)).toEqual([200, 400]);
    // A line per workload at least, from the table and from the CSV.
    expect(cli.portfolio.outputBytes).toBeGreaterThan(200 * 40);
    expect(cli.csv.outputBytes).toBeGreaterThan(200 * 40);
    for (const run of cli.memory) {
      // The whole array came out: far more advice than answers went in.
      expect(run.outputBytes).toBeGreaterThan(10 * run.inputBytes);
      expect(run.peakRssMb).toBeGreaterThan(0);
    }
    const figures = cliFigures(cli);
    expect(figures.map((figure) => figure.id)).toEqual([
      'cli.json.perWorkload',
      'cli.json.throughput',
      'cli.portfolio.throughput',
      'cli.portfolio.peakRss.200',
      'cli.csv.throughput',
      'cli.csv.peakRss.200',
      'cli.json.peakRss.200',
      'cli.json.peakRss.400',
    ]);
    for (const figure of figures) {
      expect(Number.isFinite(figure.chipAdvice), figure.id).toBe(true);
      if (figure.target !== undefined) expect(typeof figure.pass, figure.id).toBe('boolean');
    }
  }, 120_000);
});
