import { type Advisor, createAdvisor, loadRuleset } from '../../core/index.js';
import type { FormatName } from '../args.js';
import type { InputItem } from '../input/items.js';
import type { RenderOptions } from '../output/format.js';
import { OUTPUT_FORMATS } from '../output/formats.js';
import { type Advised, adviseBatch } from './advise.js';
import { type CheckContext, type Checked, checkBatch } from './check.js';

/** Everything a thread needs to check and advise workloads. Plain data: sent to workers. */
export interface EvaluatorSetup {
  /** `--rules`, or undefined for the bundled rules. */
  readonly rulesDir: string | undefined;
  readonly format: FormatName;
  readonly options: RenderOptions & CheckContext;
}

/** Checks and advises batches of workloads, in this thread or in worker threads. */
export interface Evaluator {
  check(items: readonly InputItem[]): Promise<Checked>;
  /** The workloads' advice as the output format packs it, in the items' order. */
  advise(items: readonly InputItem[]): Promise<Advised>;
  close(): Promise<void>;
}

/** The work itself, as both the main thread and a worker thread run it. */
export function localWork(setup: EvaluatorSetup, advisor?: Advisor) {
  const ready = advisor ?? createAdvisor(loadRuleset(setup.rulesDir));
  const format = OUTPUT_FORMATS[setup.format];
  return {
    check: (items: readonly InputItem[]) => checkBatch(items, setup.options),
    advise: (items: readonly InputItem[]) => adviseBatch(ready, items, format, setup.options),
  };
}

/** An evaluator in the calling thread: for one workload, small batches and `--jobs 1`. */
export function inlineEvaluator(setup: EvaluatorSetup, advisor: Advisor): Evaluator {
  const work = localWork(setup, advisor);
  return {
    check: async (items) => work.check(items),
    advise: (items) => work.advise(items),
    close: async () => {},
  };
}
