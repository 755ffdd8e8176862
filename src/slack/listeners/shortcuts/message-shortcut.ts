import { type ListenerDeps, type MessageShortcutArgs, respondIfAny } from '../../context.js';
import { threadOf } from '../../delivery/destination.js';
import { openQuestionnaire } from '../../questionnaire/open-questionnaire.js';

/**
 * The "Get chip advice" message shortcut: opens the questionnaire, and the advice is posted in
 * the thread of the message it was used on (the message's own thread if it is a reply).
 * @see https://docs.slack.dev/interactivity/implementing-shortcuts
 */
export function messageShortcut({ signer }: ListenerDeps) {
  return async ({ ack, shortcut, client, context, respond }: MessageShortcutArgs) => {
    await ack();
    const channel = shortcut.channel.id;
    const target = { kind: 'channel', channel, threadTs: threadOf(shortcut.message) } as const;
    await openQuestionnaire(
      client,
      signer,
      {
        triggerId: shortcut.trigger_id,
        userId: shortcut.user.id,
        origin: { target, responseUrl: shortcut.response_url },
        respond: respondIfAny(respond),
        channel,
      },
      context.logger,
    );
    context.logger.debug({ channel }, 'questionnaire opened from a message');
  };
}
