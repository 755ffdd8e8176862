import { z } from 'zod';

const conversationId = z.string().regex(/^[A-Z0-9]{2,30}$/, 'must be a Slack conversation id');
const messageTs = z.string().regex(/^\d{1,12}\.\d{1,9}$/, 'must be a message ts');

export const targetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('channel'),
    channel: conversationId,
    /** Post the summary and the reasoning in this thread (message shortcut, Change answers). */
    threadTs: messageTs.optional(),
    /**
     * The summary is already posted, as this message, and only the reasoning is left, to go in
     * `threadTs` ("Post again" after the reasoning failed).
     */
    summaryTs: messageTs.optional(),
  }),
  /** A direct message with the person who asked (the App Home tab has no channel). */
  z.strictObject({ kind: z.literal('dm') }),
]);

/**
 * Where the advice for a questionnaire goes once it is submitted; it travels, signed, in the
 * modal's private_metadata (see reliability/signed-metadata.ts).
 */
export type Target = z.infer<typeof targetSchema>;

/** The thread a reply about `message` belongs in: its own thread, or the one it starts. */
export function threadOf(message: { readonly ts: string; readonly thread_ts?: unknown }): string {
  return typeof message.thread_ts === 'string' ? message.thread_ts : message.ts;
}
