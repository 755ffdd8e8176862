import {
  createAdvisor,
  loadRuleset,
  RulesetContradictionError,
  RulesetInvalidError,
} from '../../core/index.js';
import { type PortfolioChip, portfolioChips } from '../../core/portfolio/index.js';
import type { OutputName } from '../args.js';
import { InputInvalidError } from '../errors.js';
import type { InputItem } from '../input/items.js';
import type { RenderOptions } from '../output/format.js';
import { PROJECTIONS } from '../output/projections.js';
import { type Advised, adviseBatch } from './advise.js';
import { type CheckContext, type Checked, checkBatch } from './check.js';

/** Everything a thread needs to check and advise workloads. Plain data: sent to workers. */
export interface EvaluatorSetup {
  /** `--rules`, or undefined for the bundled rules. */
  readonly rulesDir: string | undefined;
  readonly format: OutputName;
  /** `--skip-invalid`: advise the valid workloads, leave out the others (reported by the check). */
  readonly skipInvalid: boolean;
  readonly options: RenderOptions & CheckContext;
}

/** Checks and advises batches of workloads, in this thread or in worker threads. */
export interface Evaluator {
  /** The chips of the rules in use, for the formats that sum by chip. */
  readonly chips: readonly PortfolioChip[];
  check(items: readonly InputItem[]): Promise<Checked>;
  /** The workloads' advice as the output format packs it, in the items' order. */
  advise(items: readonly InputItem[]): Promise<Advised>;
  /** Takes back the memory of an advised chunk once the sink has written it. */
  recycle?(chunk: unknown): void;
  close(): Promise<void>;
}

/**
 * The work itself, as the main thread and each worker thread run it, over the rules it
 * loads here.
 * @throws {InputInvalidError} when a rule file is invalid (naming the file and JSON path).
 */
export function localWork(setup: EvaluatorSetup) {
  const ruleset = loadRules(setup.rulesDir);
  const advisor = createAdvisor(ruleset);
  const projection = PROJECTIONS[setup.format];
  return {
    chips: portfolioChips(ruleset),
    check: (items: readonly InputItem[]) => checkBatch(items, setup.options),
    advise: (items: readonly InputItem[]) =>
      adviseBatch(advisor, items, projection, { ...setup.options, skipInvalid: setup.skipInvalid }),
  };
}

/** An evaluator in the calling thread: for one workload, small batches, the prompts. */
export function inlineEvaluator(setup: EvaluatorSetup): Evaluator {
  const work = localWork(setup);
  return {
    chips: work.chips,
    check: async (items) => work.check(items),
    advise: (items) => work.advise(items),
    close: async () => {},
  };
}

function loadRules(dir: string | undefined) {
  try {
    return loadRuleset(dir);
  } catch (error) {
    if (error instanceof RulesetInvalidError || error instanceof RulesetContradictionError) {
      throw new InputInvalidError([`rules are invalid: ${error.message}`], { cause: error });
    }
    throw error;
  }
}
