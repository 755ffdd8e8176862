import fc from 'fast-check';
import { describe, expect } from 'vitest';
import {
  type AnswerField,
  type Answers,
  appliesTo,
  assertAnswers,
  questionFor,
} from '../../src/core/index.js';
import { reasoningMessage } from '../../src/slack/messages/reasoning-message.js';
import { summaryMessage } from '../../src/slack/messages/summary-message.js';
import { validAnswers } from '../../testkit/arbitraries.js';
import type { ApiCall } from '../../testkit/fake-slack-api.js';
import { fillForm } from '../../testkit/fill-form.js';
import { USER, viewAction } from '../../testkit/slack-payloads.js';
import { advisor } from '../support/advisor.js';
import { fileTest, type HttpHarness } from '../support/fixtures.js';
import { submit, targetOf, viewOf } from '../support/flows.js';

type Json = Record<string, unknown>;

const COUNT = 200;

/**
 * Answers as a person enters them in the modal: only the questions asked for their workload, and
 * a whole-dollar spend.
 */
function enterable(answers: Answers): Answers {
  const asked = Object.entries(answers).filter(([field]) =>
    appliesTo(questionFor(field as AnswerField), answers.workload),
  );
  return assertAnswers({
    ...Object.fromEntries(asked),
    monthlySpendUsd: Math.round(answers.monthlySpendUsd),
  });
}

const people: { channel: string; answers: Answers }[] = fc
  .sample(validAnswers, { numRuns: COUNT, seed: 20_240_601 })
  .map((answers, i) => ({
    channel: `C0PAR${String(i).padStart(4, '0')}`,
    answers: enterable(answers),
  }));

/**
 * What is under test is that each of many requests at once gets its own answer, not how fast a
 * busy 2-core machine answers them: Slack's time limits (a trigger_id's 3 s, which the fake
 * enforces) and the app's own (10 s to connect) are stretched so a slow run still shows it.
 * They are tested on their own in web-api-failures, slow-slack and questionnaire tests.
 */
const PATIENT = { webApiTimeoutMs: 60_000, postTimeoutMs: 60_000 };
const test = fileTest.override('harnessOptions', { env: { LOG_LEVEL: 'warn' }, deps: PATIENT });
let harness: HttpHarness;
test.beforeAll(({ harness: started }) => {
  harness = started;
  harness.api.keepTriggersFor(60_000);
});

/** The messages a JSON round trip through the Web API makes of `message`. */
const asSent = (message: unknown) => JSON.parse(JSON.stringify(message)) as Json;

describe(`${COUNT} submissions at once`, () => {
  test('each get their own correct answer, in their own channel and thread', async () => {
    // What each person should get, computed one by one.
    const expected = new Map<string, { summary: unknown; reasoning: unknown }>();
    for (const { channel, answers } of people) {
      const advice = await advisor.advise(answers);
      expected.set(channel, {
        summary: summaryMessage(advice, USER.id),
        reasoning: reasoningMessage(advice),
      });
    }

    await Promise.all(people.map(({ channel }) => harness.command('', { channelId: channel })));
    const opened = new Map(
      (await harness.api.waitFor('views.open', COUNT, 45_000)).map((call) => {
        const view = viewOf(call);
        return [String(targetOf(view).channel), view];
      }),
    );
    await Promise.all(
      people.map(({ channel, answers }) => {
        const view = opened.get(channel) ?? {};
        return harness.interact(
          viewAction(view, fillForm(view, { workload: answers.workload }), 'workload'),
        );
      }),
    );
    const updated = new Map(
      (await harness.api.waitFor('views.update', COUNT, 45_000)).map((call) => {
        const view = viewOf(call);
        return [String(targetOf(view).channel), view];
      }),
    );
    const responses = await Promise.all(
      people.map(({ channel, answers }) => submit(harness, updated.get(channel) ?? {}, answers)),
    );
    expect(responses.every((response) => response.status === 200 && response.text === '')).toBe(
      true,
    );

    const posts = await harness.api.waitFor('chat.postMessage', 2 * COUNT, 45_000);
    const byChannel = new Map<string, ApiCall[]>();
    for (const call of posts) {
      const channel = String(call.params.channel);
      byChannel.set(channel, [...(byChannel.get(channel) ?? []), call]);
    }
    expect([...byChannel.keys()].sort()).toEqual(people.map(({ channel }) => channel).sort());
    for (const { channel } of people) {
      const [summary, reasoning, ...extra] = byChannel.get(channel) ?? [];
      const want = expected.get(channel);
      expect(extra).toEqual([]);
      expect(summary?.params.thread_ts).toBeUndefined();
      expect({ text: summary?.params.text, blocks: summary?.params.blocks }).toEqual(
        asSent(want?.summary),
      );
      expect(reasoning?.params.thread_ts).toBe((summary?.response.body as Json | undefined)?.ts);
      expect({ text: reasoning?.params.text, blocks: reasoning?.params.blocks }).toEqual(
        asSent(want?.reasoning),
      );
    }
  }, 150_000);
});
