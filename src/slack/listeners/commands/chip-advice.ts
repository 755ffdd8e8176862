import { helpMessage } from '../../messages/help-message.js';
import { openQuestionnaire } from '../../questionnaire/open-questionnaire.js';
import { type CommandArgs, type ListenerDeps, respondIfAny } from '../args.js';
import { historyCommand } from './history.js';
import { summaryCommand } from './summary.js';

type Request =
  | { readonly kind: 'open' }
  | { readonly kind: 'history' }
  | { readonly kind: 'summary' }
  | { readonly kind: 'help'; readonly unknown?: string };

/**
 * `/chip-advice` opens the questionnaire; `help` asks for help; `history` looks back; `summary`
 * sums the channel up; anything else is unknown.
 */
export function parseCommandText(text: string): Request {
  const words = text.trim();
  if (words === '') return { kind: 'open' };
  if (/^(help|-h|--help|\?)$/i.test(words)) return { kind: 'help' };
  if (/^history$/i.test(words)) return { kind: 'history' };
  if (/^summary$/i.test(words)) return { kind: 'summary' };
  return { kind: 'help', unknown: words };
}

/**
 * `/chip-advice`: acknowledges at once and opens the questionnaire; the advice will be posted
 * in the channel the command was run in. Help is the acknowledgement itself, so only the person
 * who ran the command sees it. The command's response_url travels with the modal, to reach the
 * person if the advice cannot be posted later.
 * @see https://docs.slack.dev/interactivity/implementing-slash-commands
 */
export function chipAdviceCommand(deps: ListenerDeps) {
  const { signer } = deps;
  const history = historyCommand(deps);
  const summary = summaryCommand(deps);
  return async (args: CommandArgs) => {
    const { ack, command, client, context, respond } = args;
    const request = parseCommandText(command.text);
    if (request.kind === 'history') return history(args);
    if (request.kind === 'summary') return summary(args);
    if (request.kind === 'help') {
      await ack(helpMessage(request.unknown));
      return;
    }
    await ack();
    const channel = command.channel_id;
    await openQuestionnaire(
      client,
      signer,
      {
        triggerId: command.trigger_id,
        userId: command.user_id,
        destination: { kind: 'channel', channel, responseUrl: command.response_url },
        respond: respondIfAny(respond),
        channel,
      },
      context.logger,
    );
    context.logger.debug({ channel }, 'questionnaire opened from the command');
  };
}
