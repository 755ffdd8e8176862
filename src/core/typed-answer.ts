import type { Question } from './questions.js';

export type TypedAnswer =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string };

const TRUE_WORDS = new Set(['true', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', 'no', 'n']);

/** Option by value, label (any case) or 1-based number. */
function findOption(question: Question, text: string): string | undefined {
  const options = question.options ?? [];
  const wanted = text.trim().toLowerCase();
  const byIndex = /^\d+$/.test(wanted) ? options[Number(wanted) - 1] : undefined;
  return (
    byIndex ??
    options.find(
      (option) => option.value.toLowerCase() === wanted || option.label.toLowerCase() === wanted,
    )
  )?.value;
}

/** "50000", "50,000", "$50,000", "50k", "1.5M": never "10abc". */
function parseAmount(text: string): number | undefined {
  const match = /^\$?\s*(\d[\d,_]*(?:\.\d+)?)\s*([kKmM]?)$/.exec(text.trim());
  if (!match?.[1]) return undefined;
  const base = Number(match[1].replace(/[,_]/g, ''));
  const unit = match[2]?.toLowerCase();
  const multiplier = unit === 'k' ? 1_000 : unit === 'm' ? 1_000_000 : 1;
  return Number.isFinite(base) ? base * multiplier : undefined;
}

/**
 * Turns typed text (a terminal answer, a Slack option or number_input value) into the answer
 * value for the question. Empty text means "not answered". Range and shape are left to the
 * answers schema; this only rejects text that is not the right kind of value.
 */
export function parseTypedAnswer(question: Question, raw: string): TypedAnswer {
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  const invalid = { ok: false, message: `must be ${question.expects}` } as const;
  switch (question.kind) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      const value = parseAmount(text);
      return value === undefined ? invalid : { ok: true, value };
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      const option = findOption(question, text);
      return option === undefined ? invalid : { ok: true, value: option === 'true' };
    }
    case 'single': {
      const value = findOption(question, text);
      return value === undefined ? invalid : { ok: true, value };
    }
    case 'multi': {
      const parts = text.split(/[\s,]+/).filter(Boolean);
      const values = parts.map((part) => findOption(question, part));
      if (values.some((value) => value === undefined)) return invalid;
      return { ok: true, value: values };
    }
  }
}
