import type { CommandArgs, ListenerDeps } from '../args.js';

const NOT_KEPT =
  'This app keeps no decision history (it runs without a database), so there is nothing to show.';

/**
 * `/chip-advice history`: acknowledged at once (empty, so nothing shows yet), then the channel's
 * recent decisions, newest first, each linked to its thread, go to the person who asked through
 * the command's response_url, visible only to them. The database is read after the ack, within
 * a bound: slow or down, the answer says so.
 * @see https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export function historyCommand({ history }: ListenerDeps) {
  return async ({ ack, command, client, context, respond }: CommandArgs) => {
    await ack();
    const reply = history
      ? await history.ofChannel(
          client,
          context.teamId ?? command.team_id,
          command.channel_id,
          context.logger,
        )
      : { response_type: 'ephemeral' as const, text: NOT_KEPT };
    await respond(reply);
    context.logger.info({ channel: command.channel_id }, 'history answered');
  };
}
