import { z } from 'zod';
import { PayloadInvalidError } from '../../errors.js';

const conversationId = z.string().regex(/^[A-Z0-9]{2,30}$/, 'must be a Slack conversation id');
const messageTs = z.string().regex(/^\d{1,12}\.\d{1,9}$/, 'must be a message ts');

const targetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('channel'),
    channel: conversationId,
    /** Post the summary and the reasoning in this thread (message shortcut, Change answers). */
    threadTs: messageTs.optional(),
  }),
  /** A direct message with the person who asked (the App Home tab has no channel). */
  z.strictObject({ kind: z.literal('dm') }),
]);

/** Where the advice for a questionnaire goes once it is submitted. */
export type Target = z.infer<typeof targetSchema>;

/**
 * The target as the modal's `private_metadata`: JSON, well under Slack's 3000 characters.
 * @see https://docs.slack.dev/reference/views/modal-views
 */
export function encodeTarget(target: Target): string {
  return JSON.stringify(target);
}

/**
 * Reads `private_metadata` back. It makes a round trip through Slack, so it is validated like
 * any input; throws {@link PayloadInvalidError} when it is not a target this app wrote.
 */
export function decodeTarget(metadata: string): Target {
  let json: unknown;
  try {
    json = JSON.parse(metadata);
  } catch (error) {
    throw new PayloadInvalidError('private_metadata', ['is not JSON'], { cause: error });
  }
  const result = targetSchema.safeParse(json);
  if (!result.success) {
    throw new PayloadInvalidError(
      'private_metadata',
      result.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`),
    );
  }
  return result.data;
}

/** The thread a reply about `message` belongs in: its own thread, or the one it starts. */
export function threadOf(message: { readonly ts: string; readonly thread_ts?: unknown }): string {
  return typeof message.thread_ts === 'string' ? message.thread_ts : message.ts;
}
