import { z } from 'zod';

const conversationId = z.string().regex(/^[A-Z0-9]{2,30}$/, 'must be a Slack conversation id');
const messageTs = z.string().regex(/^\d{1,12}\.\d{1,9}$/, 'must be a message ts');

/** A response_url as the app keeps one; Slack's are short https URLs. */
export const responseUrlSchema = z.url({ protocol: /^https?$/ }).max(500);

/** Where a destination posts, as it travels (signed) in private_metadata: no response_url. */
export const placeSchema = z.discriminatedUnion('kind', [
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
 * Where the advice for a questionnaire goes: a channel (perhaps a thread in it, perhaps with the
 * summary already posted) or a direct message with the person who asked; and the response_url of
 * the command, shortcut or button that started it, which can still reach that person when posting
 * fails (a response_url lives 30 minutes and takes 5 messages). It travels, signed, in the modal's
 * private_metadata and on "Post again" (signed-metadata.ts); delivering the advice answers with
 * where it went, as a destination whose summary is posted.
 */
export type Destination = z.infer<typeof placeSchema> & { readonly responseUrl?: string };

/** A destination whose summary is posted, as delivering answers: only the reasoning is left. */
export type PostedDestination = Extract<Destination, { kind: 'channel' }> & {
  readonly summaryTs: string;
};

/** Whether the summary is already posted at `destination`. */
export function summaryPosted(destination: Destination): destination is PostedDestination {
  return destination.kind === 'channel' && destination.summaryTs !== undefined;
}

/** The thread a reply about `message` belongs in: its own thread, or the one it starts. */
export function threadOf(message: { readonly ts: string; readonly thread_ts?: unknown }): string {
  return typeof message.thread_ts === 'string' ? message.thread_ts : message.ts;
}
