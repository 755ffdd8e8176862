import { z } from 'zod';
import { ANSWER_FIELDS, type AnswerField, type Answers, parseAnswers } from '../../core/index.js';
import { PayloadInvalidError } from '../../errors.js';
import { LIMITS } from './limits.js';
import { parseJsonValue } from './parse-json.js';

/**
 * Answers travel in button values ("Change answers", "What if…"), so a message carries
 * everything needed to act on it and the app keeps no state. The encoding is compact: values in
 * the order of ANSWER_FIELDS, `null` for an unanswered question, trailing nulls dropped, under a
 * version number so the format can change without misreading old messages.
 * @see https://docs.slack.dev/reference/block-kit/block-elements/button-element
 */
const VERSION = 1;

const answerField = z.enum(ANSWER_FIELDS as [AnswerField, ...AnswerField[]]);
const valueSchema = z.strictObject({
  v: z.literal(VERSION),
  a: z.array(z.unknown()).max(ANSWER_FIELDS.length),
  /** What-if changes: [field, new value], `null` meaning "no answer". */
  w: z
    .array(z.tuple([answerField, z.unknown()]))
    .max(ANSWER_FIELDS.length)
    .optional(),
});

export interface WhatIfRequest {
  readonly answers: Answers;
  readonly changes: Partial<Record<AnswerField, unknown>>;
}

/** The answers as values in the order of ANSWER_FIELDS, trailing unanswered ones dropped. */
export function positional(answers: Answers): unknown[] {
  const values = ANSWER_FIELDS.map((field) => answers[field] ?? null);
  while (values.length > 0 && values.at(-1) === null) values.pop();
  return values;
}

/** `value`, after checking it fits in a button value. */
export function checked(value: string): string {
  // Answers are bounded by their schema (names <= 80 characters) and a retry's metadata by its
  // own (a response_url <= 500), so this cannot trigger; block-kit-limits.test.ts checks it.
  if (value.length > LIMITS.buttonValue) throw new RangeError('button value over 2000 characters');
  return value;
}

/** A button value that carries these answers. */
export function encodeAnswers(answers: Answers): string {
  return checked(JSON.stringify({ v: VERSION, a: positional(answers) }));
}

/** A button value for "what if these answers changed like this". */
export function encodeWhatIf(answers: Answers, changes: WhatIfRequest['changes']): string {
  const w = Object.entries(changes).map(([field, to]) => [field, to ?? null]);
  return checked(JSON.stringify({ v: VERSION, a: positional(answers), w }));
}

function parseValue(value: string | undefined): z.infer<typeof valueSchema> {
  return parseJsonValue(value, valueSchema, 'button value');
}

/** Answers from positional values; throws {@link PayloadInvalidError} when they are not valid. */
export function toAnswers(values: readonly unknown[]): Answers {
  const object = Object.fromEntries(
    values.flatMap((value, i) => (value === null ? [] : [[ANSWER_FIELDS[i], value]])),
  );
  const result = parseAnswers(object);
  if (!result.ok) {
    throw new PayloadInvalidError(
      'button value',
      result.issues.map((issue) => issue.message),
    );
  }
  return result.answers;
}

/** Reads answers from a button value; throws {@link PayloadInvalidError} when they are not valid. */
export function decodeAnswers(value: string | undefined): Answers {
  return toAnswers(parseValue(value).a);
}

/** Reads a what-if button value: the answers it was asked about, and the changes to try. */
export function decodeWhatIf(value: string | undefined): WhatIfRequest {
  const parsed = parseValue(value);
  if (!parsed.w || parsed.w.length === 0) {
    throw new PayloadInvalidError('button value', ['w: no change to try']);
  }
  return {
    answers: toAnswers(parsed.a),
    changes: Object.fromEntries(parsed.w.map(([field, to]) => [field, to ?? undefined])),
  };
}
