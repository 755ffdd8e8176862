import type { Readable, Writable } from 'node:stream';
import {
  appliesTo,
  describeValue,
  parseAnswers,
  QUESTIONS,
  type Question,
  type Workload,
} from '../../core/index.js';
import { readReply } from './reply.js';
import { openScreen, type Screen } from './screen.js';

type Answers = Record<string, unknown>;

const applies = (question: Question, answers: Answers) =>
  appliesTo(question, answers.workload as Workload | undefined);

/**
 * Asks the catalog's questions one by one on `output` (standard error, so standard output
 * carries only the advice), reading lines from `input`. Questions that do not apply to the
 * chosen workload are skipped; "back" returns to the previous question; a review of every
 * answer comes before the advice, where any answer can be changed. Returns the answers,
 * ready for `parseAnswers`.
 * @throws {PromptEndedError} when the input ends before the answers are confirmed.
 */
export async function askQuestions(
  input: Readable & { readonly isTTY?: boolean },
  output: Writable & { readonly columns?: number; readonly isTTY?: boolean },
): Promise<Answers> {
  const screen = openScreen(input, output);
  const answers: Answers = {};
  /** Indexes of the questions answered, in the order they were, for "back". */
  const history: number[] = [];
  const seen = new Set<number>();
  try {
    screen.say(
      'Describe one workload. Type the number of a choice (or its value), "back" to return to the previous question; Enter keeps what the brackets show. You can review every answer before the advice.',
    );
    let from = 0;
    let onlyNew = false;
    for (;;) {
      for (let i = from; i < QUESTIONS.length; i += 1) {
        const question = QUESTIONS[i] as Question;
        if (!applies(question, answers) || (onlyNew && seen.has(i))) continue;
        const reply = await askOne(screen, question, answers[question.field]);
        if (reply === 'back') {
          const previous = history.pop();
          if (previous === undefined) screen.say('  This is the first question.');
          i = (previous ?? i) - 1;
          onlyNew = false;
          continue;
        }
        setAnswer(answers, question, reply.value);
        history.push(i);
        seen.add(i);
      }
      const choice = await review(screen, answers);
      if (choice === 'confirm') return applicableAnswers(answers);
      if (choice === 'back') {
        from = history.pop() ?? 0;
        onlyNew = false;
        continue;
      }
      const question = QUESTIONS[choice] as Question;
      const reply = await askOne(screen, question, answers[question.field]);
      if (reply !== 'back') setAnswer(answers, question, reply.value);
      // A changed workload kind can bring questions that were never asked.
      from = 0;
      onlyNew = true;
    }
  } finally {
    screen.close();
  }
}

async function askOne(
  screen: Screen,
  question: Question,
  current: unknown,
): Promise<'back' | { value: unknown }> {
  screen.showQuestion(question);
  for (;;) {
    const reply = readReply(
      question,
      await screen.ask(screen.promptFor(question, current)),
      current,
    );
    if (reply.kind === 'back') return 'back';
    if (reply.kind === 'answer') return { value: reply.value };
    screen.mistake(reply.message);
  }
}

/** The review screen: Enter confirms, a number changes that answer, "back" the last one. */
async function review(screen: Screen, answers: Answers): Promise<'confirm' | 'back' | number> {
  const shown = QUESTIONS.flatMap((question, index) =>
    applies(question, answers) ? [{ question, index }] : [],
  );
  screen.say(
    '',
    'Review your answers',
    ...shown.map(
      ({ question }, i) =>
        `  ${String(i + 1).padStart(2)}. ${question.short}: ${describeValue(question.field, answers[question.field])}`,
    ),
  );
  for (;;) {
    const typed = (
      await screen.ask(
        `  Enter to get the advice, a number (1-${shown.length}) to change that answer, or "back": `,
      )
    ).trim();
    if (typed === '') {
      const checked = parseAnswers(applicableAnswers(answers));
      if (checked.ok) return 'confirm';
      for (const issue of checked.issues) screen.mistake(issue.message);
      continue;
    }
    if (typed.toLowerCase() === 'back') return 'back';
    const picked = /^\d+$/.test(typed) ? shown[Number(typed) - 1] : undefined;
    if (picked) return picked.index;
    screen.mistake(
      `There is no answer ${JSON.stringify(typed)}: type 1-${shown.length}, or Enter for the advice.`,
    );
  }
}

function setAnswer(answers: Answers, question: Question, value: unknown): void {
  if (value === undefined) delete answers[question.field];
  else answers[question.field] = value;
}

/** The answers without those to questions that no longer apply (a changed workload kind). */
function applicableAnswers(answers: Answers): Answers {
  return Object.fromEntries(
    QUESTIONS.filter((q) => applies(q, answers) && answers[q.field] !== undefined).map((q) => [
      q.field,
      answers[q.field],
    ]),
  );
}
