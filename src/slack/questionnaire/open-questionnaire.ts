import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { notOpenedNotice } from '../delivery/notices.js';
import type { MetadataSigner, Origin } from '../delivery/signed-metadata.js';
import { type SendFn, tellUser } from '../delivery/tell-user.js';
import { slackErrorOf } from '../transport/slack-error.js';
import type { FormValues } from './form-state.js';
import { questionnaireView } from './questionnaire-view.js';

export interface OpenRequest {
  readonly triggerId: string;
  /** Who the modal is for: the metadata is signed for them alone. */
  readonly userId: string;
  readonly origin: Origin;
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
  { triggerId, userId, origin, values, respond, channel }: OpenRequest,
  logger: Logger,
): Promise<void> {
  try {
    const view = questionnaireView({
      privateMetadata: signer.encode(origin, userId),
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
