import type { ChannelRef } from '../../portfolio/channel-portfolio.js';
import type { ButtonArgs, ListenerDeps } from '../args.js';

export type Portfolio = NonNullable<ListenerDeps['portfolio']>;
export type SummaryRef = ChannelRef & { threadTs: string };

/** The channel and thread of a summary whose button was clicked, as the click tells them. */
function whereClicked({ body, context }: ButtonArgs): SummaryRef | undefined {
  const channelId = body.channel?.id;
  const threadTs = body.message?.ts ?? body.container?.message_ts;
  const teamId = context.teamId ?? body.team?.id;
  const teamDomain = body.team?.domain;
  if (!channelId || !threadTs || !teamId || !teamDomain) return undefined;
  return { channelId, threadTs: String(threadTs), teamId, teamDomain };
}

export const tell = (args: ButtonArgs, text: string) =>
  args
    .respond({ response_type: 'ephemeral', replace_original: false, text })
    .catch((error: unknown) => {
      args.context.logger.warn({ err: error }, 'could not tell the clicker');
    });

/**
 * The summaries whose button is being worked on in this process: a second click (a double
 * click, or an impatient one) while the first is under way is told so instead of uploading or
 * replying twice. A later click, once the first is done, runs again: it is a new request.
 */
function oneAtATime() {
  const busy = new Set<string>();
  return async (key: string, work: () => Promise<void>): Promise<boolean> => {
    if (busy.has(key)) return false;
    busy.add(key);
    try {
      await work();
    } finally {
      busy.delete(key);
    }
    return true;
  };
}

export const UNREADABLE =
  'The channel’s decisions cannot be read right now: the database did not answer. Try again in a minute.';

/**
 * A button on a portfolio summary: acknowledged at once; then `run` on the summary it sits on,
 * one click at a time per summary. A click the app cannot place (no store, or a message without
 * its channel and thread) is told `gone`; a second click while the first runs is told `busy`.
 */
export function summaryButton(
  { portfolio }: ListenerDeps,
  texts: { readonly gone: string; readonly busy: string },
  run: (args: ButtonArgs, portfolio: Portfolio, where: SummaryRef) => Promise<void>,
) {
  const once = oneAtATime();
  return async (args: ButtonArgs) => {
    await args.ack();
    const where = whereClicked(args);
    if (!portfolio || !where) return void (await tell(args, texts.gone));
    const ran = await once(`${where.channelId}:${where.threadTs}`, () =>
      run(args, portfolio, where),
    );
    if (!ran) await tell(args, texts.busy);
  };
}
