import { describe, expect } from 'vitest';
import { ephemeralButtonClick } from '../../testkit/slack-payloads.js';
import { test } from '../support/fixtures.js';
import {
  answerQuestionnaire,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
  submit,
  viewOf,
} from '../support/flows.js';

type Json = Record<string, unknown>;

/**
 * A click on a button of an ephemeral notice comes as Slack sends it: `container.is_ephemeral`
 * and no `message` (issue 12, item 8). The answer still goes to the thread the notice is about.
 */
describe('"Change answers" on an ephemeral notice that posting failed', () => {
  test('answers in the channel thread the notice was about, not by direct message', async ({
    harness,
  }) => {
    // The summary goes out; its reasoning does not: the notice is about the summary's thread.
    harness.api.fail('chat.postMessage', { error: 'fatal_error', after: 1, times: 1 });
    await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
    const [notice] = await harness.api.waitFor('response_url');
    expect(notice?.params).toMatchObject({ response_type: 'ephemeral' });
    const summary = await nthPosted(harness, 1);
    const summaryTs = (summary.call.response.body as Json).ts;

    const shown = { channel: 'C0GENERAL', blocks: (notice?.params.blocks ?? []) as Json[] };
    const click = ephemeralButtonClick(shown, 'chip_advice_change_answers', {
      responseUrl: harness.api.responseUrl(),
    });
    expect(click).not.toHaveProperty('message');
    await harness.interact(click);
    const reopened = viewOf((await harness.api.waitFor('views.open', 2))[1]);
    await submit(harness, reopened, { ...INFERENCE_ANSWERS, priority: 'balanced' });

    const changed = await nthPosted(harness, 3);
    expect(changed.call.params).toMatchObject({ channel: 'C0GENERAL', thread_ts: summaryTs });
    expect(harness.api.callsTo('conversations.open')).toEqual([]);
  });
});
