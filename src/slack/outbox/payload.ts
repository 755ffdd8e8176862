import { z } from 'zod';
import { ANSWER_FIELDS, type Answers } from '../../core/index.js';
import type { Destination } from '../delivery/destination.js';
import { placeSchema } from '../delivery/destination.js';
import { positional, toAnswers } from '../messages/button-values.js';

/**
 * What an outbox row keeps to post the advice later: the answers (the advice is computed again
 * from them, by the same rules unless they changed) and where it goes, with the progress made
 * (a summary already posted carries its ts, so only the reasoning is left). No token (the
 * workspace's is looked up when it is sent) and no response_url (a capability to post where the
 * person is, which no table keeps): the person is told by ephemeral message or DM.
 */
const VERSION = 1;

const payloadSchema = z.strictObject({
  v: z.literal(VERSION),
  a: z.array(z.unknown()).max(ANSWER_FIELDS.length),
  place: placeSchema,
});

export interface KeptAdvice {
  readonly answers: Answers;
  readonly destination: Destination;
}

export function toPayload(answers: Answers, destination: Destination): unknown {
  const { responseUrl: _notKept, ...place } = destination;
  return { v: VERSION, a: positional(answers), place };
}

/** Reads a row's payload; throws (zod, or PayloadInvalidError) when it is not one. */
export function fromPayload(payload: unknown): KeptAdvice {
  const { a, place } = payloadSchema.parse(payload);
  return { answers: toAnswers(a), destination: place };
}
