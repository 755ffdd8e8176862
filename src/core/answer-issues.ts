import { z } from 'zod';
import {
  ANSWER_FIELDS,
  AnswerCheck,
  type AnswerField,
  type Answers,
  answersSchema,
  fieldSchemas,
} from './answers.js';
import { AnswersInvalidError, type FieldIssue } from './errors.js';
import { joinWords } from './format.js';
import { questionFor } from './questions.js';

export type ParseAnswersResult =
  | { readonly ok: true; readonly answers: Answers }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/**
 * Validates one workload's answers. Never throws: invalid input comes back as issues that name
 * the field and say what is expected, e.g. "monthlySpendUsd: must be a number of dollars, 0 or more".
 */
export function parseAnswers(input: unknown): ParseAnswersResult {
  const result = answersSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, answers: result.data };
  return { ok: false, issues: result.error.issues.flatMap(describeIssue) };
}

/**
 * Checks one answer on its own (as the terminal asks it): the message for the first problem,
 * e.g. "must be a number of dollars, 0 or more (got the number -5)", or undefined when valid.
 */
export function checkField(field: AnswerField, value: unknown): string | undefined {
  const question = questionFor(field);
  if (value === undefined)
    return question.required ? `is required: ${question.expects}` : undefined;
  const result = fieldSchemas[field].safeParse(value, { reportInput: true });
  const [issue] = result.error?.issues ?? [];
  if (!issue) return undefined;
  return describeIssue({ ...issue, path: [field, ...issue.path] })[0]?.problem;
}

/** Like {@link parseAnswers} but throws {@link AnswersInvalidError}. */
export function assertAnswers(input: unknown): Answers {
  const result = parseAnswers(input);
  if (!result.ok) throw new AnswersInvalidError(result.issues);
  return result.answers;
}

function isAnswerField(key: PropertyKey | undefined): key is AnswerField {
  return typeof key === 'string' && (ANSWER_FIELDS as string[]).includes(key);
}

/**
 * A path the way JavaScript writes it: `frameworks[1]`, `points["nvidia-groq-rubin"]`. zod's own
 * formatter; only error messages use it, so no speed figure argues for a hand-written one.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  return z.core.toDotPath(path);
}

/** "the string \"50000\"", "null", "the number 1.5": what was actually sent. */
export function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return input.length === 0 ? 'an empty list' : 'a list';
  if (typeof input === 'string') {
    const shown = input.length > 40 ? `${input.slice(0, 40)}…` : input;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof input === 'object') return 'an object';
  return `the ${typeof input} ${String(input)}`;
}

function describeIssue(issue: z.core.$ZodIssue): FieldIssue[] {
  const [head] = issue.path;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const shown = /^[A-Za-z_][\w]{0,59}$/.test(key) ? key : JSON.stringify(key.slice(0, 60));
      const problem = `is not a question of this questionnaire (known fields: ${ANSWER_FIELDS.join(', ')})`;
      return { field: key, path: shown, message: `${shown}: ${problem}`, problem };
    });
  }
  if (!isAnswerField(head)) {
    const problem = `must be a JSON object with the questionnaire's fields, got ${describeInput(issue.input)}`;
    return [
      { field: '(answers)', path: formatPath(issue.path), message: `answers: ${problem}`, problem },
    ];
  }
  const question = questionFor(head);
  const path = formatPath(issue.path);
  const choices = question.options?.map((option) => JSON.stringify(option.value)).join(', ');
  const problem = explain(issue, question.expects, choices);
  return [{ field: head, path, message: `${path}: ${problem}`, problem }];
}

/** The check a custom issue of the answers schema stands for (see {@link AnswerCheck}). */
function checkOf(issue: z.core.$ZodIssue): {
  check?: AnswerCheck;
  workload?: string;
  appliesTo?: string[];
} {
  return issue.code === 'custom' ? (issue.params ?? {}) : {};
}

function explain(issue: z.core.$ZodIssue, expects: string, choices?: string): string {
  const { check, workload, appliesTo = [] } = checkOf(issue);
  const kinds = joinWords(appliesTo, 'or');
  if (check === AnswerCheck.RequiredForWorkload) {
    return `is required for ${kinds} workloads: ${expects}`;
  }
  if (check === AnswerCheck.NotForWorkload) {
    return `does not apply to ${workload} workloads (it is asked only for ${kinds}), so leave it out (got ${describeInput(issue.input)})`;
  }
  if (check === AnswerCheck.Duplicate) return `must list each framework once (${expects})`;
  if (issue.input === undefined && issue.path.length === 1) return `is required: ${expects}`;
  if (
    typeof issue.input === 'string' &&
    issue.code === 'invalid_type' &&
    issue.expected === 'number'
  ) {
    return `must be ${expects}, written as a JSON number without quotes (got ${describeInput(issue.input)})`;
  }
  if (issue.path.length > 1)
    return `must be one of ${choices ?? expects} (got ${describeInput(issue.input)})`;
  return `must be ${expects} (got ${describeInput(issue.input)})`;
}
