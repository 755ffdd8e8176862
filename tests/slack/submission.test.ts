import { describe, expect } from 'vitest';
import { inputIds } from '../../testkit/fill-form.js';
import { USER } from '../../testkit/slack-payloads.js';
import { test } from '../support/fixtures.js';
import {
  answerQuestionnaire,
  chooseWorkload,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
  submit,
  TRAINING_ANSWERS,
} from '../support/flows.js';

const textOf = (blocks: unknown) => JSON.stringify(blocks);

/** Every text a person sees in blocks (not button values, which Slack does not render). */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'text' && typeof value === 'string' ? [value] : key === 'value' ? [] : texts(value),
  );
}

describe('a valid submission', () => {
  test('closes the modal, posts the summary in the channel, then the reasoning in its thread', async ({
    harness,
  }) => {
    const view = await openFromCommand(harness);
    const response = await answerQuestionnaire(harness, view, INFERENCE_ANSWERS);
    expect(response.status).toBe(200);
    expect(response.text).toBe('');

    const summary = await nthPosted(harness, 1);
    expect(summary.call.params.channel).toBe('C0GENERAL');
    expect(summary.call.params.thread_ts).toBeUndefined();
    expect(summary.call.params.text).toBe(
      `AWS Inferentia is recommended for inference, $50,000/month (asked by <@${USER.id}>).`,
    );
    const summaryBlocks = textOf(summary.call.params.blocks);
    expect(summaryBlocks).toContain(
      `<@${USER.id}> asked which accelerator fits *inference, $50,000/month*`,
    );
    expect(summaryBlocks).toContain('Recommendation: AWS Inferentia');
    expect(summaryBlocks).toContain('Inference spend is above $10K/month');

    const reasoning = await nthPosted(harness, 2);
    expect(reasoning.call.params.channel).toBe('C0GENERAL');
    expect(reasoning.call.params.thread_ts).toBe(summary.message.ts);
    expect(String(reasoning.call.params.text)).toMatch(/^Why AWS Inferentia for inference/);
  });

  test('puts every part of the reasoning in the thread reply', async ({ harness }) => {
    const view = await openFromCommand(harness);
    await answerQuestionnaire(harness, view, INFERENCE_ANSWERS);
    const reasoning = textOf((await nthPosted(harness, 2)).call.params.blocks);
    expect(reasoning).toContain('Why: the rules that decided it');
    expect(reasoning).toContain('Source: “Your AI Infrastructure Checklist”');
    expect(reasoning).toContain('Every chip, best first');
    expect(reasoning).toMatch(/`█+░*` 0\.97 {2}\*AWS Inferentia\*/);
    expect(reasoning).toContain('What would change the answer');
    expect(reasoning).toContain('If monthly spend were at most $10,000');
    expect(reasoning).toContain('Risk and migration effort');
    expect(reasoning).toContain('Cost estimate');
    expect(reasoning).toContain('about $20,000/month less');
    expect(reasoning).toContain('Next steps');
  });

  test('names the workload and escapes mrkdwn in it', async ({ harness }) => {
    const view = await openFromCommand(harness);
    await answerQuestionnaire(harness, view, {
      ...TRAINING_ANSWERS,
      workloadName: '<!channel> & co',
    });
    const summary = await nthPosted(harness, 1);
    const shown = [summary.call.params.text, ...texts(summary.call.params.blocks)];
    expect(shown.join('\n')).toContain('&lt;!channel&gt; &amp; co (training, $8,000/month)');
    expect(shown.join('\n')).not.toContain('<!channel>');
    const reasoning = await nthPosted(harness, 2);
    expect(reasoning.call.params.text).toContain('&lt;!channel&gt;');
    expect(texts(reasoning.call.params.blocks).join('\n')).not.toContain('<!channel>');
  });
  test('answers by direct message when private_metadata is not what the app wrote', async ({
    harness,
  }) => {
    const view = await openFromCommand(harness);
    const updated = await chooseWorkload(harness, view, { workload: 'inference' });
    await submit(
      harness,
      { ...updated, private_metadata: '{"kind":"channel","channel":"<!here>"}' },
      INFERENCE_ANSWERS,
    );
    const [opened] = await harness.api.waitFor('conversations.open');
    expect(opened?.params.users).toBe(USER.id);
    const summary = await nthPosted(harness, 1);
    expect(summary.call.params.channel).toBe('D0ASKER');
    await harness.logs.waitFor('unreadable private_metadata; answering by direct message');
  });

  test('says so when no small change would alter the recommendation', async ({ harness }) => {
    const view = await openFromCommand(harness);
    await answerQuestionnaire(harness, view, TRAINING_ANSWERS);
    const reasoning = await nthPosted(harness, 2);
    expect(textOf(reasoning.call.params.blocks)).toContain(
      'No small change to these answers would make another chip the recommendation.',
    );
  });
});

describe('an invalid submission', () => {
  test('answers with errors keyed by block id, in words, without the field name', async ({
    harness,
  }) => {
    const view = await openFromCommand(harness);
    const training = await chooseWorkload(harness, view, { workload: 'training' });
    const response = await submit(harness, training, {
      workload: 'training',
      monthlySpendUsd: '-5',
      frameworks: [],
      needsCustomCuda: true,
      cloudStrategy: 'hybrid',
      acceptsAwsLockIn: false,
      chipCount: '2.5',
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      response_action: 'errors',
      errors: {
        monthlySpendUsd: 'must be a number of dollars, 0 or more',
        frameworks:
          'is required: a list of one or more of "pytorch", "jax", "tensorflow", "other", each once',
        priority: 'is required: one of "cost", "balanced" or "performance"',
        chipCount: 'must be a whole number, 1 or more (got the number 2.5)',
      },
    });
    await harness.settle();
    expect(harness.api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  test('shows the missing questions when submitted before the view caught up with the workload', async ({
    harness,
  }) => {
    const view = await openFromCommand(harness);
    const { inferenceProfile: _, ...withoutProfile } = INFERENCE_ANSWERS;
    const response = await submit(harness, view, withoutProfile);
    const body = response.json as { response_action: string; view: Record<string, unknown> };
    expect(body.response_action).toBe('update');
    expect(inputIds(body.view)).toContain('inferenceProfile');
    expect(body.view.private_metadata).toBe(view.private_metadata);
    await harness.settle();
    expect(harness.api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  test('ignores answers to questions that no longer apply to the chosen workload', async ({
    harness,
  }) => {
    const view = await openFromCommand(harness);
    const training = await chooseWorkload(harness, view, { workload: 'training' });
    // The person switched to inference, but submitted before the view was redrawn.
    const { workloadName: _, ...answers } = { ...TRAINING_ANSWERS, workload: 'inference' };
    const response = await submit(harness, training, answers);
    expect((response.json as { response_action: string }).response_action).toBe('update');
    const redrawn = (response.json as { view: Record<string, unknown> }).view;
    expect(inputIds(redrawn)).toContain('inferenceProfile');
    expect(inputIds(redrawn)).not.toContain('chipCount');
    await harness.settle();
    expect(harness.api.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
