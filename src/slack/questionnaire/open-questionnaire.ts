// views.open through apiCall with the view as a string: npm run bench (2026-12-01, two runs each) put app CPU per command at 0.95x and 1.00x bare Bolt with the typed client.views.open, 0.77x and 0.80x this way.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { Destination } from '../delivery/destination.js';
import type { MetadataSigner } from '../delivery/signed-metadata.js';
import { type SendFn, tellUser } from '../delivery/tell-user.js';
import { notOpenedNotice } from '../messages/notices.js';
import { slackErrorOf } from '../transport/slack-error.js';
import type { FormValues } from './form-state.js';
import { questionnaireView } from './questionnaire-view.js';

export interface OpenRequest {
  readonly triggerId: string;
  /** Who the modal is for: the metadata is signed for them alone. */
  readonly userId: string;
  /** Where its advice will go, carried (signed) in the modal's private_metadata. */
  readonly destination: Destination;
  /** Answers to pre-fill. */
  readonly values?: FormValues | undefined;
  /** The response_url of the request that opens it, to explain a failure there. */
  readonly respond?: SendFn | undefined;
  /** Where an ephemeral explanation can go when there is no response_url. */
  readonly channel?: string | undefined;
}

/**
 * Opens the questionnaire for whoever triggered `triggerId`. Call it right after ack(), before
 * any slow work: a trigger_id expires 3 seconds after the click or command. If Slack refuses
 * (`expired_trigger_id`, or it keeps failing), the person is told to try again, where they are,
 * and the error goes on to the global handler.
 * @see https://docs.slack.dev/reference/methods/views.open
 */
export async function openQuestionnaire(
  client: webApi.WebClient,
  signer: MetadataSigner,
  { triggerId, userId, destination, values, respond, channel }: OpenRequest,
  logger: Logger,
): Promise<void> {
  try {
    const view = questionnaireView({
      privateMetadata: signer.encode(destination, userId),
      ...(values ? { values } : {}),
    });
    // Slack takes `view` as a JSON-encoded string. Sent as one, it skips the deep copy that
    // @slack/web-api makes of every object argument for a debug line, even with debug off.
    await client.apiCall('views.open', { trigger_id: triggerId, view: JSON.stringify(view) });
  } catch (error) {
    const notice = notOpenedNotice(slackErrorOf(error));
    await tellUser(client, { userId, respond, channel }, notice, logger);
    throw error;
  }
}
