import type { MessageShortcutArgs } from '../../context.js';
import { threadOf } from '../../payloads/target.js';
import { openQuestionnaire } from '../../services/open-questionnaire.js';

/**
 * The "Get chip advice" message shortcut: opens the questionnaire, and the advice is posted in
 * the thread of the message it was used on (the message's own thread if it is a reply).
 * @see https://docs.slack.dev/interactivity/implementing-shortcuts
 */
export async function messageShortcut({ ack, shortcut, client, context }: MessageShortcutArgs) {
  await ack();
  await openQuestionnaire(client, shortcut.trigger_id, {
    kind: 'channel',
    channel: shortcut.channel.id,
    threadTs: threadOf(shortcut.message),
  });
  context.logger.info({ channel: shortcut.channel.id }, 'questionnaire opened from a message');
}
