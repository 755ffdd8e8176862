import type { RespondFn } from '@slack/bolt';
import { PayloadInvalidError } from '../../../errors.js';
import type { Logger } from '../../../logger.js';
import { unreadableButtonNotice } from '../../messages/notices.js';

/**
 * Runs `work`; if a button's value cannot be read (an old or altered message), tells the person
 * who clicked, in a message only they see, instead of failing silently. Other errors propagate
 * to the global error handler.
 */
export async function tellClickerIfUnreadable(
  respond: RespondFn,
  logger: Logger,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof PayloadInvalidError)) throw error;
    logger.warn({ err: error }, 'button value not readable');
    const notice = unreadableButtonNotice(error.problems[0] ?? error.message);
    await respond({ response_type: 'ephemeral', replace_original: false, ...notice });
  }
}
