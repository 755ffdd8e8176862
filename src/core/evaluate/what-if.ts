import type { Change } from '../advice.js';
import type { Answers } from '../answers.js';
import type { Facts } from '../ruleset/compile.js';
import { decisionRules, type LoadedRule, type Ruleset } from '../ruleset/ruleset.js';
import { whatIfCandidates } from './changes.js';
import { decide, type Standing, winnerOf } from './decide.js';
import { factsOf } from './run-engine.js';

/** A change of one answer, as far as deciding is concerned. */
export type AnswerChange = Pick<Change, 'field' | 'to'>;

/**
 * What a person could change about one workload's answers, and what a change would do. Built
 * once per evaluation and shared by everything that explains it, so "what would change the
 * answer", the cost line and the next steps agree on what is possible.
 */
export interface WhatIf {
  /** Every single-answer change a person could make (see `whatIfCandidates`). */
  readonly changes: readonly Change[];
  /**
   * Whether a chip is a real option for this work: every constraint that rules it out can be
   * lifted by a change a person could make. Inferentia is no option for complex reasoning, nor
   * Trainium for custom CUDA kernels, whatever else changes.
   */
  isRealOption(standing: Standing): boolean;
  /** The chip that would be recommended with the changes applied. */
  recommendedWith(changes: readonly AnswerChange[]): string;
  /** The answers as rule facts. */
  readonly facts: Facts;
}

/**
 * The what-ifs of one evaluation. Re-deciding re-tests only the rules that read a changed answer,
 * with the compiled predicates, so a change costs one decide() and no engine run.
 */
export function createWhatIf(
  ruleset: Ruleset,
  answers: Answers,
  fired: readonly LoadedRule[],
): WhatIf {
  const facts = factsOf(answers);
  const changes = whatIfCandidates(ruleset, answers);
  const firedSet = new Set(fired);
  const lifted = new Map<LoadedRule, boolean>();
  const canLift = (rule: LoadedRule): boolean => {
    let result = lifted.get(rule);
    if (result === undefined) {
      result = changes.some((change) => !rule.test({ ...facts, [change.field]: change.to }));
      lifted.set(rule, result);
    }
    return result;
  };
  return {
    changes,
    facts,
    isRealOption: (standing) => standing.ruledOutBy.every(canLift),
    recommendedWith(list) {
      const changed: Record<string, unknown> = { ...facts };
      const fields = new Set<string>();
      for (const change of list) {
        changed[change.field] = change.to;
        fields.add(change.field);
      }
      const now = decisionRules(ruleset).filter((rule) =>
        [...rule.facts].some((fact) => fields.has(fact)) ? rule.test(changed) : firedSet.has(rule),
      );
      return winnerOf(decide(ruleset, now)).chip.id;
    },
  };
}
