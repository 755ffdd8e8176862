import { QUESTIONS } from '../../core/index.js';
import { COMMAND } from './ids.js';
import { context, escapeMrkdwn, type KnownBlock, section } from './kit.js';
import { truncate } from './limits.js';

/** A slash command's immediate answer, shown only to the person who ran it. */
export interface EphemeralResponse {
  readonly response_type: 'ephemeral';
  readonly text: string;
  readonly blocks: KnownBlock[];
}

const ABOUT =
  'I recommend an AI accelerator for a workload (AWS Trainium, AWS Inferentia, NVIDIA Blackwell/Rubin or NVIDIA Groq + Rubin) and explain why, using the decision framework of the article the rules come from.';

const USAGE = [
  `• \`${COMMAND}\` opens a short questionnaire; the recommendation is posted in this channel, with the reasons in a thread.`,
  `• \`${COMMAND} history\` shows you this channel’s recent decisions, newest first, each with a link to its thread (only you see it).`,
  `• \`${COMMAND} summary\` posts this channel’s portfolio for everyone: every workload’s current chip, the split by chip and vendor, the total spend and the estimated saving range, with Export CSV.`,
  `• \`${COMMAND} help\` shows this message.`,
  '• The “Get chip advice” shortcut on a message (the ⋯ menu) answers in that message’s thread.',
  '• The app’s Home tab explains the framework and can start the questionnaire; that advice arrives as a direct message.',
  '• On an answer, “Change answers” reopens the questionnaire pre-filled, and “What if…” tries one change.',
].join('\n');

/**
 * Help for `/chip-advice help`, and for an unknown subcommand with a hint first. Sent as the
 * command's acknowledgement, so only the person who ran it sees it.
 * @see https://docs.slack.dev/interactivity/implementing-slash-commands
 */
export function helpMessage(unknown?: string): EphemeralResponse {
  const questions = QUESTIONS.map((question) => question.short.toLowerCase()).join(', ');
  const shown = unknown === undefined ? undefined : escapeMrkdwn(truncate(unknown, 40));
  const hint =
    shown === undefined ? [] : [section(`I don’t know \`${shown}\`. Here is what I can do:`)];
  return {
    response_type: 'ephemeral',
    text: `${shown === undefined ? '' : `I don’t know "${shown}". `}${ABOUT} Run ${COMMAND} to start.`,
    blocks: [
      ...hint,
      section(ABOUT),
      section(USAGE),
      context(`The questions: ${escapeMrkdwn(questions)}.`),
    ],
  };
}
