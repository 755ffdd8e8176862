import type { Answers } from '../../core/index.js';
import type { Destination } from '../delivery/destination.js';
import { escapeMrkdwn, type MessagePayload, section } from '../messages/kit.js';

/** Slack's date formatting: shown in the reader's time zone, with an ISO fallback. */
function when(at: number): string {
  return `<!date^${Math.floor(at / 1000)}^{date_short_pretty} {time}|${new Date(at).toISOString()}>`;
}

function named(answers: Answers): string {
  return answers.workloadName ? ` for *${escapeMrkdwn(answers.workloadName)}*` : '';
}

function where(destination: Destination): string {
  return destination.kind === 'channel' ? ` in <#${destination.channel}>` : '';
}

/** Told at once (if Slack answers that) when the advice is put in the outbox. */
export function keptNotice(answers: Answers, deadlineAt: number): MessagePayload {
  const text = `Slack could not be reached just now, so your chip advice${named(answers)} is not posted yet. It is kept, and will be posted as soon as Slack answers again (I keep trying until ${when(deadlineAt)}). You will be told when it is.`;
  return { text, blocks: [section(`:hourglass_flowing_sand: ${text}`)] };
}

/** Told when advice from the outbox is finally posted. */
export function postedLateNotice(
  answers: Answers,
  destination: Destination,
  acceptedAt: number,
): MessagePayload {
  const text = `Your chip advice${named(answers)} is posted now${where(destination)}. Slack could not be reached from ${when(acceptedAt)} until just now.`;
  return { text, blocks: [section(`:white_check_mark: ${text}`)] };
}
