/**
 * The advisor core: answers in, explained recommendation out. No Slack, no network, no
 * process.env. The CLI, the Slack app and the benchmark are adapters around this module.
 */
export type * from './advice.js';
export { type Advisor, createAdvisor } from './advisor.js';
export {
  assertAnswers,
  checkField,
  formatPath,
  type ParseAnswersResult,
  parseAnswers,
} from './answer-issues.js';
export {
  ANSWER_FIELDS,
  type AnswerField,
  type Answers,
  answersSchema,
  CLOUD_STRATEGIES,
  FACT_FIELDS,
  FRAMEWORKS,
  INFERENCE_PROFILES,
  PRIORITIES,
  WORKLOADS,
  type Workload,
} from './answers.js';
export {
  AnswersInvalidError,
  type CodedError,
  ErrorCode,
  type FieldIssue,
  isCodedError,
  RulesetContradictionError,
  RulesetInvalidError,
} from './errors.js';
export { CONDITION_LABELS, RANKING_LEGEND, ROLE_LABELS } from './explain/wording.js';
export {
  describeValue,
  describeWorkload,
  formatUsd,
  ifPhrase,
  joinWords,
  scoreBar,
} from './format.js';
export { describeJsonError } from './json-error.js';
export {
  appliesTo,
  QUESTIONS,
  type Question,
  type QuestionKind,
  type QuestionOption,
  questionFor,
  WORKLOAD_FIELD,
} from './questions.js';
export { DEFAULT_RULES_DIR, loadRuleset } from './ruleset/load.js';
export type { LoadedRule, Ruleset } from './ruleset/ruleset.js';
export type { Article, Chip } from './ruleset/schema.js';
export { type RuleFileBytes, versionOfRuleFiles } from './ruleset/version.js';
export { parseTypedAnswer, type TypedAnswer } from './typed-answer.js';
