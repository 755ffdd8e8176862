import type { ViewOutput, ViewResponseAction } from '@slack/bolt';
import { type Answers, parseAnswers } from '../../core/index.js';
import { type FieldProblem, readQuestionnaire } from './form-state.js';
import { questionnaireView } from './questionnaire-view.js';

export type SubmissionCheck =
  | { readonly ok: true; readonly answers: Answers }
  | { readonly ok: false; readonly response: ViewResponseAction };

/** One message per block; several problems with one answer are joined. */
function errorsByBlock(problems: readonly FieldProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message } of problems) {
    errors[field] = errors[field] ? `${errors[field]}; ${message}` : message;
  }
  return errors;
}

/**
 * Validates a submitted questionnaire with the core's answers schema. Problems go back as
 * `response_action: "errors"` keyed by block id (= answer field). If a problem is about a
 * question the view does not show yet (the person submitted before the view caught up with
 * their workload choice), the view is updated instead, so the missing questions appear.
 * @see https://docs.slack.dev/surfaces/modals#displaying_errors
 */
export function checkSubmission(view: ViewOutput): SubmissionCheck {
  const form = readQuestionnaire(view);
  const result = parseAnswers(form.values);
  if (form.problems.length === 0 && result.ok) return { ok: true, answers: result.answers };
  const typed = new Set(form.problems.map((problem) => problem.field));
  const problems: FieldProblem[] = [
    ...form.problems,
    ...(result.ok ? [] : result.issues)
      .filter((issue) => !typed.has(issue.field as FieldProblem['field']))
      .map((issue) => ({
        field: issue.field as FieldProblem['field'],
        // The block already names the question: "must be ...", not "monthlySpendUsd: must be ...".
        message: issue.problem,
      })),
  ];
  if (problems.some((problem) => !form.shown.has(problem.field))) {
    return {
      ok: false,
      response: {
        response_action: 'update',
        view: questionnaireView({ privateMetadata: view.private_metadata, values: form.values }),
      },
    };
  }
  return { ok: false, response: { response_action: 'errors', errors: errorsByBlock(problems) } };
}
