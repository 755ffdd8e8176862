import { threadOf } from '../../delivery/destination.js';
import { openQuestionnaire } from '../../questionnaire/open-questionnaire.js';
import { type ListenerDeps, type MessageShortcutArgs, respondIfAny } from '../args.js';

/**
 * The "Get chip advice" message shortcut: opens the questionnaire, and the advice is posted in
 * the thread of the message it was used on (the message's own thread if it is a reply).
 * @see https://docs.slack.dev/interactivity/implementing-shortcuts
 */
export function messageShortcut({ signer }: ListenerDeps) {
  return async ({ ack, shortcut, client, context, respond }: MessageShortcutArgs) => {
    await ack();
    const channel = shortcut.channel.id;
    await openQuestionnaire(
      client,
      signer,
      {
        triggerId: shortcut.trigger_id,
        userId: shortcut.user.id,
        destination: {
          kind: 'channel',
          channel,
          threadTs: threadOf(shortcut.message),
          responseUrl: shortcut.response_url,
        },
        respond: respondIfAny(respond),
        channel,
      },
      context.logger,
    );
    context.logger.debug({ channel }, 'questionnaire opened from a message');
  };
}
