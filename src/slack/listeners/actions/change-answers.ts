import type { Answers } from '../../../core/index.js';
import type { Logger } from '../../../logger.js';
import { type Destination, threadOf } from '../../delivery/destination.js';
import { decodeRetry } from '../../delivery/retry-value.js';
import type { MetadataSigner } from '../../delivery/signed-metadata.js';
import { decodeAnswers } from '../../messages/button-values.js';
import { openQuestionnaire } from '../../questionnaire/open-questionnaire.js';
import { type ButtonArgs, type ListenerDeps, respondIfAny } from '../args.js';
import { tellClickerIfUnreadable } from './tell-clicker.js';

/** A value that carries a signed destination as well ("Change answers" on a notice), if it is one. */
function keptRetry(value: string | undefined) {
  try {
    return decodeRetry(value);
  } catch {
    return undefined;
  }
}

/**
 * Where the advice goes after "Change answers" on a notice that posting failed: the thread the
 * notice is about (the one it would have started, or the summary's, if that went out), as
 * signed on the button; a direct message when the signature does not verify.
 */
function noticeDestination(
  signer: MetadataSigner,
  metadata: string,
  userId: string,
  responseUrl: { responseUrl?: string },
  logger: Logger,
): Destination {
  const place = signer.destinationFor(metadata, userId, logger);
  if (place.kind === 'dm') return { kind: 'dm', ...responseUrl };
  const threadTs = place.threadTs ?? place.summaryTs;
  return {
    kind: 'channel',
    channel: place.channel,
    ...(threadTs ? { threadTs } : {}),
    ...responseUrl,
  };
}

/**
 * "Change answers" (on a summary, a what-if reply or a notice that posting failed) or "Use these
 * answers" (on a what-if reply): reopens the questionnaire pre-filled with the answers the
 * button carries; the new advice goes in the same thread as the message the button is on. On a
 * notice (often ephemeral: its click comes without the message), the button carries the signed
 * destination, so the advice goes where the notice says it was going.
 */
export function changeAnswers({ signer }: ListenerDeps) {
  return async ({ ack, action, body, client, context, respond }: ButtonArgs) => {
    await ack();
    await tellClickerIfUnreadable(respond, context.logger, async () => {
      const channel = body.channel?.id;
      const responseUrl = body.response_url ? { responseUrl: body.response_url } : {};
      const retry = keptRetry(action.value);
      let answers: Answers;
      let destination: Destination;
      if (retry) {
        answers = retry.answers;
        const { logger } = context;
        destination = noticeDestination(signer, retry.metadata, body.user.id, responseUrl, logger);
      } else {
        answers = decodeAnswers(action.value);
        destination =
          channel && body.message
            ? { kind: 'channel', channel, threadTs: threadOf(body.message), ...responseUrl }
            : { kind: 'dm', ...responseUrl };
      }
      await openQuestionnaire(
        client,
        signer,
        {
          triggerId: body.trigger_id,
          userId: body.user.id,
          destination,
          values: answers,
          respond: respondIfAny(respond),
          channel,
        },
        context.logger,
      );
    });
  };
}
