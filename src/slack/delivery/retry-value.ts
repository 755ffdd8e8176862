import { z } from 'zod';
import { ANSWER_FIELDS, type Answers } from '../../core/index.js';
import { PayloadInvalidError } from '../../errors.js';
import { checked, positional, toAnswers } from '../messages/button-values.js';
import { parseJsonValue } from '../messages/parse-json.js';

/**
 * The value of "Post again" on a notice that the advice could not be posted: the answers (as in
 * messages/button-values.ts) and the signed destination of the questionnaire (signed-metadata.ts),
 * so a retry goes where the first attempt was going, and only if this app wrote it.
 */
const VERSION = 1;

const retrySchema = z.strictObject({
  v: z.literal(VERSION),
  a: z.array(z.unknown()).max(ANSWER_FIELDS.length),
  m: z.string().max(1500),
});

export interface RetryRequest {
  readonly answers: Answers;
  /** Signed metadata, as in the modal's private_metadata. */
  readonly metadata: string;
}

export function encodeRetry(answers: Answers, metadata: string): string {
  return checked(JSON.stringify({ v: VERSION, a: positional(answers), m: metadata }));
}

/** Reads a "Post again" value; throws {@link PayloadInvalidError} when it is not one. */
export function decodeRetry(value: string | undefined): RetryRequest {
  const { a, m } = parseJsonValue(value, retrySchema, 'button value');
  return { answers: toAnswers(a), metadata: m };
}
