/**
 * `npm run bench`: builds, then measures the advisor, the Slack round trip and the CLI at scale
 * against their baselines in one run, prints the table and writes bench/results.json.
 * `BENCH_SIZE=smoke` runs every step on a tiny size (seconds), prints the table and writes nothing.
 * `BENCH_ONLY=cli` runs the CLI's part alone (the bare engine, --json, --portfolio, --format csv,
 * peak memory), prints its table and writes nothing.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../testkit/project.js';
import { cliFigures } from './cli-report.js';
import { benchCli } from './cli-throughput.js';
import { stopAll } from './processes.js';
import { figuresOf, table } from './report.js';
import { runBench, SIZES, type SizeName } from './suite.js';

const size = (process.env.BENCH_SIZE ?? 'full') as SizeName;
/** `BENCH_ONLY=cli`: the CLI's figures alone (minutes, not the whole suite); writes nothing. */
const only = process.env.BENCH_ONLY;
if (only !== undefined && only !== 'cli') {
  console.error(`BENCH_ONLY must be "cli" when set (got "${only}")`);
  process.exit(2);
}
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

if (only === 'cli') {
  const cli = await benchCli(size, (line) => console.error(line));
  console.log(
    `\n${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.versions.node}\n`,
  );
  console.log(table(cliFigures(cli)));
} else {
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
}
