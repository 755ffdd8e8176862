import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import {
  type Answers,
  CLOUD_STRATEGIES,
  FRAMEWORKS,
  INFERENCE_PROFILES,
  PRIORITIES,
} from '../src/core/index.js';

/** Spends on both sides of the article's $10,000 line and far from it. */
const SPENDS = [0, 2_500, 9_999, 10_000, 10_001, 25_000, 50_000, 250_000, 1_000_000];

/** Takes the next pick of `n` choices from a running number (a mixed-radix digit). */
function picker(seed: number) {
  let rest = seed;
  return (n: number) => {
    const digit = rest % n;
    rest = Math.floor(rest / n);
    return digit;
  };
}

/**
 * Workload number `i` of the benchmark's batches: valid answers spread evenly over every
 * combination the rules read (workload kind, spend band, frameworks, CUDA, cloud, lock-in,
 * priority, optional answers), the same for the same `i`. Written here, without fast-check,
 * because a million of them are streamed to a file.
 */
export function benchWorkload(i: number): Answers {
  // Knuth's multiplicative hash, so that neighbours differ in every answer, not just the first.
  const pick = picker(Math.imul(i + 1, 2_654_435_761) >>> 0);
  const inference = pick(2) === 1;
  const mask = pick(15) + 1;
  const frameworks = FRAMEWORKS.filter((_, bit) => (mask >> bit) & 1);
  const answers: Record<string, unknown> = {
    workloadName: `Workload ${i + 1}`,
    workload: inference ? 'inference' : 'training',
    monthlySpendUsd: SPENDS[pick(SPENDS.length)],
    frameworks,
    needsCustomCuda: pick(4) === 0,
    cloudStrategy: CLOUD_STRATEGIES[pick(CLOUD_STRATEGIES.length)],
    acceptsAwsLockIn: pick(3) !== 0,
    priority: PRIORITIES[pick(PRIORITIES.length)],
  };
  if (inference) answers.inferenceProfile = INFERENCE_PROFILES[pick(INFERENCE_PROFILES.length)];
  else if (pick(2) === 0) answers.chipCount = [8, 64, 100, 512][pick(4)];
  if (pick(3) === 0) answers.awsNeuronExperience = pick(2) === 0;
  return answers as Answers;
}

/** Writes workloads 0 to `count` - 1 to `file` as JSON Lines, streaming. Returns the bytes. */
export async function writeWorkloads(file: string, count: number): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const line = `${JSON.stringify(benchWorkload(i))}\n`;
    bytes += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return bytes;
}
