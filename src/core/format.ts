import type { AnswerField } from './answers.js';
import { formatUsd } from './figures.js';
import { type Question, questionFor } from './questions.js';

export { formatUsd, roundEstimate, scoreBar } from './figures.js';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/** "a, b and c". */
export function joinWords(words: readonly string[], last = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`;
}

function optionLabel(question: Question, value: string): string {
  return question.options?.find((option) => option.value === value)?.label ?? value;
}

function formatNumber(question: Question, value: number): string {
  return question.unit === 'usd' ? formatUsd(value) : count.format(value);
}

/** An answer as a person reads it: "$50,000", "PyTorch, JAX", "Yes", "AWS only". */
export function describeValue(field: AnswerField, value: unknown): string {
  const question = questionFor(field);
  if (value === undefined) return 'not given';
  if (typeof value === 'number') return formatNumber(question, value);
  if (typeof value === 'boolean') return optionLabel(question, String(value));
  if (Array.isArray(value))
    return value.map((item) => optionLabel(question, String(item))).join(', ');
  return question.kind === 'text' ? String(value) : optionLabel(question, String(value));
}

/** How a numeric threshold is crossed, in words. */
export type Relation = 'above' | 'at-most' | 'below' | 'at-least';

const relationWords: Record<Relation, string> = {
  above: 'above',
  'at-most': 'at most',
  below: 'below',
  'at-least': 'at least',
};

/**
 * The condition part of "If <phrase>, X would be recommended": "you ran on AWS only",
 * "monthly spend were above $10,000", "the code base used only PyTorch and JAX".
 */
export function ifPhrase(
  field: AnswerField,
  value: unknown,
  threshold?: { relation: Relation; value: number },
): string {
  const question = questionFor(field);
  if (threshold) {
    return `${question.noun ?? question.short} were ${relationWords[threshold.relation]} ${formatNumber(question, threshold.value)}`;
  }
  if (Array.isArray(value)) {
    return `${question.noun ?? question.short} only ${joinWords(value.map((item) => optionLabel(question, String(item))))}`;
  }
  if (typeof value === 'number') {
    return `${question.noun ?? question.short} were ${formatNumber(question, value)}`;
  }
  const option = question.options?.find((candidate) => candidate.value === String(value));
  return option?.ifPhrase ?? `${question.short} were ${String(value)}`;
}

/** "training, $50,000/month" plus the name when given: the one-line identity of a workload. */
export function describeWorkload(answers: {
  workloadName?: string | undefined;
  workload: string;
  monthlySpendUsd: number;
}): string {
  const kind = `${answers.workload}, ${formatUsd(answers.monthlySpendUsd)}/month`;
  return answers.workloadName ? `${answers.workloadName} (${kind})` : kind;
}
