import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { Answers } from '../answers.js';
import type { Facts } from '../ruleset/compile.js';
import type { LoadedRule, Ruleset } from '../ruleset/ruleset.js';

/** A condition as json-rules-engine reports it after a run (RuleResult.conditions.toJSON()). */
export interface EngineCondition {
  readonly fact?: string;
  readonly operator?: string;
  readonly value?: unknown;
  readonly factResult?: unknown;
  /** Absent when the engine short-circuited the condition and never evaluated it. */
  readonly result?: boolean;
  readonly all?: readonly EngineCondition[];
  readonly any?: readonly EngineCondition[];
  readonly not?: EngineCondition;
}

export interface EngineOutcome {
  readonly fired: readonly LoadedRule[];
  /** Condition trees as evaluated, by rule name, for fired and failed rules alike. */
  readonly traces: ReadonlyMap<string, EngineCondition>;
}

interface EngineRuleResult {
  readonly name: unknown;
  readonly conditions: { toJSON(stringify: false): unknown };
}

/**
 * The rules as json-rules-engine takes them, built once per ruleset and frozen. The benchmark's
 * bare engine runs these same rules.
 */
const engineRulesCache = new WeakMap<Ruleset, readonly RuleProperties[]>();

export function engineRules(ruleset: Ruleset): readonly RuleProperties[] {
  let rules = engineRulesCache.get(ruleset);
  if (!rules) {
    rules = ruleset.rules.map((rule) =>
      deepFreeze({
        name: rule.name,
        priority: rule.priority,
        conditions: rule.conditions as TopLevelCondition,
        event: rule.event,
      }),
    );
    engineRulesCache.set(ruleset, rules);
  }
  return rules;
}

/**
 * Freezes the JSON shared by every Engine, so a write to it fails loudly instead of leaking
 * between evaluations. Leaf conditions stay writable: json-rules-engine's Condition constructor
 * re-assigns `priority = parseInt(priority)` on them, which is a no-op for the integers the
 * schema allows.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    if (!('fact' in value)) Object.freeze(value);
  }
  return value;
}

/** The answers as engine facts; `workloadName` is a label, not a fact. */
export function factsOf(answers: Answers): Facts {
  const { workloadName: _label, ...facts } = answers;
  return facts;
}

/**
 * Runs the rules through json-rules-engine. A new Engine per evaluation: one Engine shared by
 * concurrent run() calls shares its `status`, so a run that finishes first can stop the others
 * early (engine.js evaluateRules). Building one costs a few microseconds.
 */
export async function runEngine(ruleset: Ruleset, answers: Answers): Promise<EngineOutcome> {
  const engine = new Engine([...engineRules(ruleset)], { allowUndefinedFacts: true });
  const { results, failureResults } = await engine.run({ ...factsOf(answers) });
  const traces = new Map<string, EngineCondition>();
  for (const result of [...results, ...failureResults] as unknown as EngineRuleResult[]) {
    traces.set(String(result.name), result.conditions.toJSON(false) as EngineCondition);
  }
  const firedNames = new Set(results.map((result) => String(result.name)));
  // In ruleset order, whatever order the engine finished them in.
  const fired = ruleset.rules.filter((rule) => firedNames.has(rule.name));
  return { fired, traces };
}
