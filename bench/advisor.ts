import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { engineRules, factsOf } from '../src/core/evaluate/run-engine.js';
import { createAdvisor, loadRuleset } from '../src/core/index.js';
import { validAnswers } from '../testkit/arbitraries.js';
import { round, type Summary, summarize } from './stats.js';

export interface AdvisorBench {
  readonly workloads: number;
  /** Full explained advice per workload, in milliseconds. */
  readonly advice: Summary;
  /** Bare json-rules-engine run() of the same rules on the same facts, in milliseconds. */
  readonly bareEngine: Summary;
  /** advice / bareEngine, by median and by p99. */
  readonly ratio: { readonly median: number; readonly p99: number };
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Times the full advice (engine run, ranking, rationale, counterfactual search, cost view) per
 * workload against a bare json-rules-engine run() of the same rules/*.json on the same facts, in
 * the same process, alternating the two on each workload so both see the same machine state.
 */
export async function benchAdvisor({
  workloads = 10_000,
  warmup = 1_000,
  seed = 42,
} = {}): Promise<AdvisorBench> {
  const ruleset = loadRuleset();
  const advisor = createAdvisor(ruleset);
  // The same rules and facts the advisor gives the engine. The baseline gets the advantage of one
  // engine built once; run sequentially, that is safe.
  const engine = new Engine([...engineRules(ruleset)], { allowUndefinedFacts: true });
  const samples = fc.sample(validAnswers, { numRuns: workloads + warmup, seed });
  const adviceTimes: number[] = [];
  const engineTimes: number[] = [];
  for (const [i, answers] of samples.entries()) {
    const facts = factsOf(answers);
    let start = nowMs();
    await engine.run({ ...facts });
    const bare = nowMs() - start;
    start = nowMs();
    await advisor.advise(answers);
    const full = nowMs() - start;
    if (i >= warmup) {
      engineTimes.push(bare);
      adviceTimes.push(full);
    }
  }
  const advice = summarize(adviceTimes);
  const bareEngine = summarize(engineTimes);
  return {
    workloads,
    advice,
    bareEngine,
    ratio: {
      median: round(advice.median / bareEngine.median, 2),
      p99: round(advice.p99 / bareEngine.p99, 2),
    },
  };
}
