/**
 * The outbox (issue 12): advice Slack surely did not take because it could not be reached is
 * kept in the database (storage/outbox) and posted later, across restarts, until a deadline
 * (OUTBOX_DEADLINE_HOURS). keep.ts puts it there from a listener's delivery; sender.ts posts it;
 * forget.ts drops what waits for a workspace that uninstalled the app.
 */

export { dropWaitingAdvice } from './forget.js';
export { keepInOutbox, OUTBOX_KEPT } from './keep.js';
export type { KeptAdvice } from './payload.js';
export {
  OUTBOX_DELIVERED,
  OUTBOX_LOST,
  OUTBOX_RETRYING,
  type OutboxHealth,
  type SenderParts,
  sendDue,
  startSender,
} from './sender.js';
export { slackUnreachable } from './unreachable.js';
