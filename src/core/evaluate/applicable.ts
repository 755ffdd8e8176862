import type { AnswerField, Answers } from '../answers.js';
import { appliesTo, questionFor } from '../questions.js';
import type { LoadedRule } from '../ruleset/ruleset.js';
import type { Standing } from './decide.js';

/** Whether a user could change an answer this rule reads (not the workload kind, say). */
export function isChangeable(rule: LoadedRule, answers: Answers): boolean {
  return [...rule.facts].some((fact) => {
    const question = questionFor(fact as AnswerField);
    return question.whatIf && appliesTo(question, answers.workload);
  });
}

/**
 * A chip is a real option for this workload unless a rule on answers that cannot change rules
 * it out: Trainium is no option for inference, whatever else changes.
 */
export function isApplicable(standing: Standing, answers: Answers): boolean {
  return standing.ruledOutBy.every((rule) => isChangeable(rule, answers));
}
