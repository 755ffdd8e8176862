import { createHash } from 'node:crypto';
import type { ViewOutput } from '@slack/bolt';

/**
 * Keys that identify one thing a person did, however many times Slack delivers it. A Slack retry
 * (`X-Slack-Retry-Num` over HTTP, `retry_attempt` in a Socket Mode envelope) and an envelope
 * redelivered after a reconnect carry the same payload as the first delivery.
 */

/**
 * Keys are remembered for minutes, so they must not hold on to the request: an id cut out of a
 * parsed body can be a slice of the whole body string, and would keep it alive. A digest is a
 * fresh, fixed-size string.
 */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * The delivery a body belongs to: an event's `event_id`, or the `trigger_id` Slack gives every
 * command, shortcut and click. View submissions are keyed by what was submitted instead
 * ({@link submissionKey}), so a corrected form after `errors` still goes through.
 */
export function deliveryKey(body: Record<string, unknown>): string | undefined {
  if (typeof body.event_id === 'string') return digest(`event:${body.event_id}`);
  if (body.type === 'view_submission' || body.type === 'view_closed') return undefined;
  if (typeof body.trigger_id !== 'string') return undefined;
  const kind =
    typeof body.command === 'string' ? 'command' : typeof body.type === 'string' ? body.type : '?';
  return digest(`${kind}:${body.trigger_id}`);
}

/**
 * One submission of one view: the view (id and hash) and exactly what was entered. A
 * double-clicked submit sends the same twice; a different answer is a different submission.
 */
export function submissionKey(view: Pick<ViewOutput, 'id' | 'hash' | 'state'>, userId: string) {
  return digest(
    `submission:${userId}:${view.id}:${view.hash}:${JSON.stringify(view.state.values)}`,
  );
}

/** One press of "Post again" on one notice (the notice's message ts, or the click's trigger). */
export function retryKey(userId: string, notice: string): string {
  return digest(`retry:${userId}:${notice}`);
}
