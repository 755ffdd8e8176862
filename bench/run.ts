/**
 * `npm run bench`: builds, then measures the advisor, the Slack round trip and the CLI at scale
 * against their baselines in one run, prints the table and writes bench/results.json.
 * `BENCH_SIZE=smoke` runs every step on a tiny size (seconds), prints the table and writes nothing.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../testkit/project.js';
import { cliFigures } from './cli-report.js';
import { benchCli } from './cli-throughput.js';
import { stopAll } from './processes.js';
import { figuresOf, table } from './report.js';
import { runBench, SIZES, type SizeName } from './suite.js';

const size = (process.env.BENCH_SIZE ?? 'full') as SizeName;
if (!(size in SIZES)) {
  console.error(`BENCH_SIZE must be one of ${Object.keys(SIZES).join(', ')} (got "${size}")`);
  process.exit(2);
}
const out = path.join(ROOT, 'bench/results.json');
// A stopped benchmark stops the apps it started (an error stops them in runBench itself).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopAll().finally(() => process.exit(1));
  });
}

const results = await runBench(size, (line) => console.error(line));
const cli = await benchCli(size, (line) => console.error(line));
const figures = [...figuresOf(results), ...cliFigures(cli)];
const { cpuModel, cores, node } = results.machine;
console.log(`\n${cpuModel}, ${cores} cores, Node ${node}; ${results.date}\n`);
console.log(table(figures));
const failed =
  results.slashCommand.failed +
  results.submission.sequential.failed +
  results.submission.concurrent.failed;
if (failed > 0)
  console.log(`\n${failed} request(s) failed: their latencies are not in the figures.`);
if (size === 'full') {
  await writeFile(out, `${JSON.stringify({ ...results, cli, figures }, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), out)} (${results.durationSeconds} s)`);
}
