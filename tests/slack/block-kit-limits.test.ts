import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAdvisor, loadRuleset } from '../../src/core/index.js';
import { channelFallbackNote, notDeliveredNotice } from '../../src/slack/delivery/notices.js';
import { encodeRetry } from '../../src/slack/delivery/retry-value.js';
import { MetadataSigner } from '../../src/slack/delivery/signed-metadata.js';
import { helpMessage } from '../../src/slack/messages/help-message.js';
import { homeView } from '../../src/slack/messages/home-view.js';
import { notOpenedNotice, unknownFormView } from '../../src/slack/messages/notices.js';
import { reasoningMessage } from '../../src/slack/messages/reasoning-message.js';
import { summaryMessage } from '../../src/slack/messages/summary-message.js';
import { questionnaireView } from '../../src/slack/questionnaire/questionnaire-view.js';
import { evaluateWhatIf } from '../../src/slack/what-if/evaluate.js';
import { whatIfMessage } from '../../src/slack/what-if/what-if-message.js';
import { appHomeOpened, messageButtonClick } from '../../testkit/slack-payloads.js';
import { messageProblems, viewProblems } from '../support/block-kit-limits.js';
import { fileTest, type HttpHarness } from '../support/fixtures.js';
import {
  answerQuestionnaire,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
  TRAINIUM_ANSWERS,
} from '../support/flows.js';
import { slackAnswers } from '../support/slack-arbitraries.js';

const ruleset = loadRuleset();
const advisor = createAdvisor(ruleset);
/** The longest private_metadata the app writes: a thread target and a 500-character response_url. */
const longestTarget = MetadataSigner.fromSecrets(['xoxb-limits', 'limits-secret']).encode(
  {
    kind: 'channel',
    channel: `C${'X'.repeat(29)}`,
    threadTs: '999999999999.999999999',
    responseUrl: `https://hooks.slack.com/commands/${'x'.repeat(467)}`,
  },
  'U0123456789ABCDEF',
);

describe('the limits checker', () => {
  it('flags payloads that break Block Kit limits', () => {
    const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
    expect(messageProblems({ blocks: [section('ok')] })).toEqual(['text: missing fallback text']);
    expect(messageProblems({ text: 't', blocks: Array(51).fill(section('x')) })).toEqual([
      'blocks: 51 > 50',
    ]);
    expect(messageProblems({ text: 't', blocks: [section('x'.repeat(3001))] })).toEqual([
      'blocks[0].text.text: 3001 > 3000',
    ]);
    expect(
      viewProblems({
        type: 'modal',
        title: { type: 'plain_text', text: 'A title that is too long!' },
        blocks: [
          {
            type: 'input',
            label: { type: 'plain_text', text: 'Q' },
            element: {
              type: 'radio_buttons',
              action_id: 'q',
              options: [{ text: { type: 'plain_text', text: 'o'.repeat(76) }, value: 'v' }],
            },
          },
        ],
      }),
    ).toEqual([
      'blocks[0].element.options[0].text.text: 76 > 75',
      'title.text: 25 > 24',
      'submit: required with inputs',
    ]);
  });
});

describe('every view and message the app builds fits Block Kit limits', () => {
  it('for any answers: summary, reasoning, what-if replies and the pre-filled modal', async () => {
    await fc.assert(
      fc.asyncProperty(slackAnswers, async (answers) => {
        const advice = await advisor.advise(answers);
        expect(messageProblems(summaryMessage(advice, 'U0123456789ABCDEF'))).toEqual([]);
        expect(messageProblems(reasoningMessage(advice))).toEqual([]);
        for (const counterfactual of advice.counterfactuals) {
          const changes = Object.fromEntries(counterfactual.changes.map((c) => [c.field, c.to]));
          const outcome = await evaluateWhatIf(advisor, { answers, changes });
          expect(messageProblems(whatIfMessage({ ...outcome, userId: 'U0123' }))).toEqual([]);
        }
        const view = questionnaireView({ privateMetadata: longestTarget, values: answers });
        expect(viewProblems(view as unknown as Record<string, unknown>)).toEqual([]);
        const retry = encodeRetry(answers, longestTarget);
        expect(messageProblems(notDeliveredNotice(retry))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('for the notices about what went wrong', () => {
    expect(longestTarget.length).toBeGreaterThan(600);
    expect(messageProblems(channelFallbackNote(`C${'X'.repeat(29)}`, 'channel_not_found'))).toEqual(
      [],
    );
    expect(messageProblems(notOpenedNotice('expired_trigger_id'))).toEqual([]);
    expect(messageProblems(notOpenedNotice(undefined))).toEqual([]);
    expect(viewProblems(unknownFormView() as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('for the empty modal, the Home tab and any help request', () => {
    const empty = questionnaireView({ privateMetadata: longestTarget });
    expect(viewProblems(empty as unknown as Record<string, unknown>)).toEqual([]);
    expect(viewProblems(homeView(ruleset) as unknown as Record<string, unknown>)).toEqual([]);
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 4000 }), { nil: undefined }), (text) => {
        expect(messageProblems(helpMessage(text))).toEqual([]);
      }),
    );
  });
});

describe('what the running app sends fits Block Kit limits', () => {
  let harness: HttpHarness;
  fileTest.beforeAll(({ harness: started }) => {
    harness = started;
  });

  it.each([
    ['inference', INFERENCE_ANSWERS],
    ['training', TRAINIUM_ANSWERS],
  ])('through a whole %s conversation', async (_name, answers) => {
    harness.api.reset();
    await harness.event(appHomeOpened('home'));
    await answerQuestionnaire(harness, await openFromCommand(harness), answers);
    const reasoning = await nthPosted(harness, 2);
    const click = messageButtonClick(reasoning, 'chip_advice_what_if', {
      responseUrl: harness.api.responseUrl(),
    });
    await harness.interact(click);
    await harness.api.waitFor('chat.postMessage', 3);
    await harness.api.waitFor('views.publish');
    const sent = harness.api.calls.filter((call) => call.response.status === 200);
    for (const call of sent.filter((c) => c.method === 'chat.postMessage')) {
      expect(messageProblems(call.params)).toEqual([]);
    }
    const views = sent.filter((c) => /^views\.(open|update|publish)$/.test(c.method));
    expect(views.length).toBeGreaterThanOrEqual(3);
    for (const call of views) {
      expect(viewProblems(call.params.view as Record<string, unknown>)).toEqual([]);
    }
  });
});
