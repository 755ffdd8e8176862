import { describe, expect, it } from 'vitest';
import { figuresOf } from '../../bench/report.js';
import { runBench } from '../../bench/suite.js';

/**
 * `npm run bench` on a tiny size: every step runs against the real apps (dist/ is built by the
 * global setup) and yields figures of the right shape. Nothing here is about how fast anything is.
 */
describe('the benchmark', () => {
  it('measures every figure on a tiny size without a failed request', async () => {
    const results = await runBench('smoke');

    expect(results.size).toBe('smoke');
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.advisor.workloads).toBe(300);
    expect(results.advisor.advice.n).toBe(300);
    expect(results.slashCommand.rounds).toHaveLength(1);
    expect(results.slashCommand.failed).toBe(0);
    for (const run of [results.submission.sequential, results.submission.concurrent]) {
      expect(run.failed).toBe(0);
      expect(run.thread.n).toBe(run.ack.n);
    }
    expect(results.submission.sequential.thread.n).toBe(3);
    expect(results.submission.concurrent.thread.n).toBe(6);
    for (const run of [results.storage.none, results.storage.sqlite, results.storage.postgres]) {
      expect(run).toMatchObject({ failed: 0, thread: { n: 3 } });
    }
    expect(results.startup.samples['chip-advice']).toHaveLength(1);
    expect(results.startup.samples.baseline).toHaveLength(1);
    expect(results.memory['chip-advice'].failed).toBe(0);
    expect(results.memory['chip-advice'].idle.rssMb).toBeGreaterThan(0);

    const figures = figuresOf(results);
    expect(new Set(figures.map((figure) => figure.id)).size).toBe(figures.length);
    for (const figure of figures) {
      expect(Number.isFinite(figure.chipAdvice), figure.id).toBe(true);
      if (figure.baseline !== undefined) expect(Number.isFinite(figure.baseline)).toBe(true);
      if (figure.target !== undefined) expect(typeof figure.pass, figure.id).toBe('boolean');
    }
    expect(figures.map((figure) => figure.id)).toEqual(
      expect.arrayContaining([
        'advisor.median',
        'command.sequential.ack.p50',
        'command.sequential.modal.p50',
        'command.concurrent.ack.p50',
        'command.concurrent.modal.p99',
        'submission.concurrent.thread.p99',
        'storage.none.thread.p50',
        'storage.sqlite.thread.p50',
        'storage.postgres.thread.p50',
        'startup.median',
        'memory.rss.growth',
        'memory.heap.growthLater',
      ]),
    );
  }, 120_000);
});
