import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Engine } from 'json-rules-engine';
import { engineRules, factsOf } from '../src/core/evaluate/run-engine.js';
import { loadRuleset } from '../src/core/index.js';
import { benchWorkload, writeWorkloads } from './cli-workloads.js';
import { round } from './stats.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist/cli/main.js');

/** How many workloads: the throughput run, and the runs whose peak memory is reported. */
export const CLI_SIZES = {
  full: { throughput: 100_000, memory: [100_000, 1_000_000] },
  smoke: { throughput: 200, memory: [200, 400] },
} as const;

export type CliSizeName = keyof typeof CLI_SIZES;

/** One end-to-end run of the real command. */
export interface CliRun {
  readonly workloads: number;
  readonly inputBytes: number;
  readonly outputBytes: number;
  readonly seconds: number;
  readonly workloadsPerSecond: number;
  readonly perWorkloadMs: number;
  /** The process's peak resident memory (VmHWM), its worker threads included. */
  readonly peakRssMb: number;
}

export interface CliBench {
  /** One json-rules-engine Engine, built once, run() over the same facts one after the other. */
  readonly bareEngine: Pick<
    CliRun,
    'workloads' | 'seconds' | 'workloadsPerSecond' | 'perWorkloadMs'
  >;
  /** `chip-advice --answers FILE --json`, spawn to exit, output read to the end. */
  readonly json: CliRun;
  /** json.perWorkloadMs / bareEngine.perWorkloadMs. */
  readonly ratio: number;
  /** `--portfolio` (the text table and the sums) on the throughput batch. */
  readonly portfolio: CliRun;
  /** `--format csv` on the throughput batch. */
  readonly csv: CliRun;
  /** `--json` runs at each memory size (the throughput run among them). */
  readonly memory: readonly CliRun[];
}

/**
 * The CLI at scale, beside its baseline in the same run: a bare json-rules-engine run() over
 * the facts of the same workloads, then the real `chip-advice` process on a JSON Lines file of
 * them, with its peak memory. The batches are generated into a temporary folder, removed after.
 */
export async function benchCli(
  size: CliSizeName,
  progress: (line: string) => void = () => {},
): Promise<CliBench> {
  const sizes = CLI_SIZES[size];
  const dir = await mkdtemp(path.join(tmpdir(), 'chip-advice-bench-cli-'));
  try {
    progress(`cli: bare engine, ${sizes.throughput} workloads...`);
    const bare = await bareEngineRun(sizes.throughput);
    const runs = new Map<number, CliRun>();
    const others = new Map<string, CliRun>();
    for (const workloads of new Set([sizes.throughput, ...sizes.memory])) {
      const file = path.join(dir, `${workloads}.jsonl`);
      const inputBytes = await writeWorkloads(file, workloads);
      progress(`cli: chip-advice --json, ${workloads} workloads...`);
      runs.set(workloads, await cliRun(file, workloads, inputBytes));
      if (workloads === sizes.throughput) {
        for (const [name, flags] of Object.entries(OTHER_OUTPUTS)) {
          progress(`cli: chip-advice ${flags.join(' ')}, ${workloads} workloads...`);
          others.set(name, await cliRun(file, workloads, inputBytes, flags));
        }
      }
      await rm(file);
    }
    const json = runs.get(sizes.throughput) as CliRun;
    return {
      bareEngine: bare,
      json,
      ratio: round(json.perWorkloadMs / bare.perWorkloadMs, 2),
      portfolio: others.get('portfolio') as CliRun,
      csv: others.get('csv') as CliRun,
      memory: sizes.memory.map((workloads) => runs.get(workloads) as CliRun),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function bareEngineRun(workloads: number): Promise<CliBench['bareEngine']> {
  const engine = new Engine([...engineRules(loadRuleset())], { allowUndefinedFacts: true });
  const facts = Array.from({ length: workloads }, (_, i) => factsOf(benchWorkload(i)));
  const started = performance.now();
  for (const fact of facts) await engine.run({ ...fact });
  return rates(workloads, (performance.now() - started) / 1000);
}

function rates(workloads: number, seconds: number) {
  return {
    workloads,
    seconds: round(seconds),
    workloadsPerSecond: Math.round(workloads / seconds),
    perWorkloadMs: round((seconds * 1000) / workloads, 4),
  };
}

/** The outputs measured on the throughput batch besides `--json`. */
const OTHER_OUTPUTS = { portfolio: ['--portfolio'], csv: ['--format', 'csv'] } as const;

/** Runs the CLI on `file`, reading its output to the end, sampling its peak memory. */
function cliRun(
  file: string,
  workloads: number,
  inputBytes: number,
  flags: readonly string[] = ['--json'],
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, '--answers', file, ...flags], { cwd: ROOT });
    let outputBytes = 0;
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      outputBytes += chunk.length;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    // VmHWM only grows, so the last reading before the exit is the peak (within one sample).
    const sample = setInterval(async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      peakKb = Math.max(peakKb, kb);
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sample);
      if (code !== 0) return reject(new Error(`chip-advice exited with ${code}: ${stderr}`));
      resolve({
        ...rates(workloads, (performance.now() - started) / 1000),
        inputBytes,
        outputBytes,
        peakRssMb: round(peakKb / 1024, 1),
      });
    });
  });
}
