/**
 * Coded errors of the advisor core. Each has a literal `code` that adapters (CLI, Slack)
 * switch on, and keeps the underlying error as `cause`.
 */
export const ErrorCode = {
  RulesetInvalid: 'chip_advice_ruleset_invalid',
  RulesetContradiction: 'chip_advice_ruleset_contradiction',
  AnswersInvalid: 'chip_advice_answers_invalid',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface CodedError extends Error {
  readonly code: ErrorCode | (string & {});
}

/** Type guard for any error that carries a `code` string. */
export function isCodedError(error: unknown): error is CodedError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** A rule, chip or article file under `rules/` is unreadable, not JSON, or not the documented shape. */
export class RulesetInvalidError extends Error implements CodedError {
  readonly code = ErrorCode.RulesetInvalid;
  override readonly name = 'RulesetInvalidError';

  constructor(
    readonly file: string,
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(`${file}: ${problems.join('; ')}`, options);
  }
}

/** Two constraints of the same priority can fire together and leave no chip to recommend. */
export class RulesetContradictionError extends Error implements CodedError {
  readonly code = ErrorCode.RulesetContradiction;
  override readonly name = 'RulesetContradictionError';
}

/** One issue with the answers, addressed to the person who gave them. */
export interface FieldIssue {
  /** Answer field the issue is about, or `(answers)` for the object as a whole. */
  readonly field: string;
  /** Where in the object, e.g. `frameworks[1]`. */
  readonly path: string;
  /** Plain-language message that starts with the path, e.g. `monthlySpendUsd: must be ...`. */
  readonly message: string;
  /** The same message without the path, for places that already name the question. */
  readonly problem: string;
}

/** Answers failed validation; `issues` says what to fix, one line per problem. */
export class AnswersInvalidError extends Error implements CodedError {
  readonly code = ErrorCode.AnswersInvalid;
  override readonly name = 'AnswersInvalidError';

  constructor(
    readonly issues: readonly FieldIssue[],
    options?: ErrorOptions,
  ) {
    super(issues.map((issue) => issue.message).join('\n'), options);
  }
}
