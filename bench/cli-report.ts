import type { CliBench } from './cli-throughput.js';
import type { Figure } from './report.js';
import { round } from './stats.js';

/** End to end, per workload, against a bare engine run() per workload. */
const RATIO_TARGET = 3;
/** Peak memory, whatever the size of the batch. */
const RSS_TARGET_MB = 200;

const count = (n: number) => n.toLocaleString('en-US');

/** The CLI's headline figures, in the table and in results.json beside the Slack ones. */
export function cliFigures(cli: CliBench): Figure[] {
  const { json, bareEngine } = cli;
  const batch = `${count(json.workloads)} workloads`;
  return [
    {
      id: 'cli.json.perWorkload',
      figure: `CLI --json, ${batch} end to end, per workload`,
      unit: 'ms',
      chipAdvice: json.perWorkloadMs,
      baseline: bareEngine.perWorkloadMs,
      ratio: cli.ratio,
      target: `≤ ${RATIO_TARGET}x`,
      pass: cli.ratio <= RATIO_TARGET,
    },
    {
      id: 'cli.json.throughput',
      figure: `CLI --json, ${batch}, workloads per second`,
      unit: 'workloads/s',
      chipAdvice: json.workloadsPerSecond,
      baseline: bareEngine.workloadsPerSecond,
    },
    ...(
      [
        ['portfolio', '--portfolio', cli.portfolio],
        ['csv', '--format csv', cli.csv],
      ] as const
    ).flatMap(([id, flags, run]): Figure[] => [
      {
        id: `cli.${id}.throughput`,
        figure: `CLI ${flags}, ${batch}, workloads per second`,
        unit: 'workloads/s',
        chipAdvice: run.workloadsPerSecond,
        baseline: bareEngine.workloadsPerSecond,
        ratio: round(run.perWorkloadMs / bareEngine.perWorkloadMs, 2),
        target: `≤ ${RATIO_TARGET}x`,
        pass: run.perWorkloadMs / bareEngine.perWorkloadMs <= RATIO_TARGET,
      },
      {
        id: `cli.${id}.peakRss.${run.workloads}`,
        figure: `CLI ${flags} peak RSS, ${batch}`,
        unit: 'MB',
        chipAdvice: run.peakRssMb,
        target: `< ${RSS_TARGET_MB} MB`,
        pass: run.peakRssMb < RSS_TARGET_MB,
      },
    ]),
    ...cli.memory.map(
      (run): Figure => ({
        id: `cli.json.peakRss.${run.workloads}`,
        figure: `CLI --json peak RSS, ${count(run.workloads)} workloads`,
        unit: 'MB',
        chipAdvice: run.peakRssMb,
        target: `< ${RSS_TARGET_MB} MB`,
        pass: run.peakRssMb < RSS_TARGET_MB,
      }),
    ),
  ];
}
