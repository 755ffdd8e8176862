import { describe, expect } from 'vitest';
import type { ApiCall } from '../../testkit/fake-slack-api.js';
import { buttonsOf, USER } from '../../testkit/slack-payloads.js';
import { type HttpHarness, test } from '../support/fixtures.js';
import {
  answerQuestionnaire,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
} from '../support/flows.js';

/**
 * What Slack refuses for good, and what it says in a form that is not an error code (issue 12,
 * items 7, 10 and 11): the person gets the advice another way or a plain reason, never a button
 * that can only fail again, never a quoted error page, never a name that breaks the formatting.
 */

type Json = Record<string, unknown>;

const posted = (call: ApiCall) => call.response.status === 200 && (call.response.body as Json).ok;

async function successfulPosts(harness: HttpHarness, count: number): Promise<ApiCall[]> {
  for (;;) {
    const done = harness.api.callsTo('chat.postMessage').filter(posted);
    if (done.length >= count) return done;
    await harness.api.waitFor(
      'chat.postMessage',
      harness.api.callsTo('chat.postMessage').length + 1,
    );
  }
}

describe('a channel the bot can never post in', () => {
  test.for([
    ['is_archived', 'it is archived'],
    ['restricted_action', 'only some members may post there'],
    ['restricted_action_read_only_channel', 'it is read-only'],
  ])(
    'on %s, sends the advice by direct message with the reason',
    async ([error, reason], { harness }) => {
      harness.api.closeChannel('C0GENERAL', String(error));
      await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
      const [note, summary, reasoning, ...rest] = await successfulPosts(harness, 3);
      expect(harness.api.callsTo('conversations.open')[0]?.params.users).toBe(USER.id);
      expect(note?.params.channel).toBe('D0ASKER');
      expect(String(note?.params.text)).toContain(
        `could not post your chip advice in <#C0GENERAL>: ${reason}`,
      );
      expect(summary?.params.channel).toBe('D0ASKER');
      expect(reasoning?.params.thread_ts).toBe((summary?.response.body as Json | undefined)?.ts);
      expect(rest).toEqual([]);
      expect(await harness.logs.waitFor('advice delivered')).toMatchObject({ fallback: error });
      // No "Post again" anywhere: it could only fail again.
      expect(harness.api.callsTo('response_url')).toEqual([]);
    },
  );
});

describe('a message Slack refuses as built', () => {
  test.for(['invalid_blocks', 'msg_blocks_too_long'])(
    'on %s, logs an error and tells the person plainly, with no "Post again"',
    async (error, { harness }) => {
      harness.api.fail('chat.postMessage', { error, times: 1 });
      await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
      const [notice] = await harness.api.waitFor('response_url');
      expect(String(notice?.params.text)).toContain('Slack refused the message I built');
      const blocks = (notice?.params.blocks ?? []) as Json[];
      expect(buttonsOf(blocks, 'chip_advice_retry_post')).toEqual([]);
      expect(buttonsOf(blocks, 'chip_advice_change_answers')).toHaveLength(1);
      const failed = await harness.logs.waitFor(/^request failed/);
      expect(failed).toMatchObject({ level: 50, slackError: error });
      expect(harness.api.callsTo('chat.postMessage')).toHaveLength(1);
    },
  );
});

describe('an answer that is not an error code', () => {
  test('a notice never quotes an HTML page that came back instead of JSON', async ({ harness }) => {
    const page = `<!DOCTYPE html><html><body>${'Service unavailable. '.repeat(150)}</body></html>`;
    harness.api.respond('views.open', () => page);
    await harness.command();
    const [reply] = await harness.api.waitFor('response_url');
    const shown = JSON.stringify(reply?.params);
    expect(shown).not.toContain('DOCTYPE');
    expect(shown).not.toContain('Service unavailable');
    expect(String(reply?.params.text)).toContain('run /chip-advice again');
  });
});

describe('a workload name with mrkdwn formatting marks', () => {
  test('shows the name without formatting, and keeps the summary bold intact', async ({
    harness,
  }) => {
    const workloadName = 'my_*new*_~model~ `v2`';
    await answerQuestionnaire(harness, await openFromCommand(harness), {
      ...INFERENCE_ANSWERS,
      workloadName,
    });
    const summary = await nthPosted(harness, 1);
    const text = String(summary.call.params.text);
    const lead = String(
      ((summary.call.params.blocks as Json[])[0]?.text as Json | undefined)?.text,
    );
    for (const shown of [text, lead]) {
      expect(shown).toContain('my\u02cd\u2217new\u2217\u02cd\u223cmodel\u223c \u02cbv2\u02cb');
      expect(shown).not.toMatch(/my[*_~`]/);
    }
    // The only formatting marks in the lead are the app's own bold around the name.
    expect(lead.match(/\*/g)).toHaveLength(2);
  });
});
