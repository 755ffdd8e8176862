import { describe, expect } from 'vitest';
import { QUESTIONS } from '../../src/core/index.js';
import { elementOf, fillForm, inputIds } from '../../testkit/fill-form.js';
import { viewAction } from '../../testkit/slack-payloads.js';
import { test } from '../support/fixtures.js';
import { chooseWorkload, openFromCommand } from '../support/flows.js';

type Json = Record<string, unknown>;
const blockOf = (view: Json, id: string) =>
  (view.blocks as Json[]).find((block) => block.block_id === id) as Json;

describe('the questionnaire modal', () => {
  test('renders each question from the catalog with block_id = action_id = field', async ({
    harness,
  }) => {
    const first = await openFromCommand(harness);
    const training = await chooseWorkload(harness, first, { workload: 'training' });
    const inference = await chooseWorkload(harness, training, { workload: 'inference' });
    const seen = new Set<string>();
    for (const view of [first, training, inference]) {
      for (const field of inputIds(view)) {
        seen.add(field);
        const question = QUESTIONS.find((candidate) => candidate.field === field);
        const block = blockOf(view, field);
        expect(block.label).toMatchObject({ text: question?.label });
        expect(block.hint).toMatchObject({ text: question?.help });
        expect(block.optional ?? false).toBe(!question?.required);
        expect(elementOf(view, field).action_id).toBe(field);
      }
    }
    expect([...seen].sort()).toEqual(QUESTIONS.map((question) => question.field).sort());
  });

  test('uses enum values as option values and "true"/"false" for yes/no questions', async ({
    harness,
  }) => {
    const view = await chooseWorkload(harness, await openFromCommand(harness), {
      workload: 'training',
    });
    const values = (field: string) =>
      (elementOf(view, field).options as { value: string }[]).map((option) => option.value);
    expect(values('workload')).toEqual(['training', 'inference']);
    expect(values('frameworks')).toEqual(['pytorch', 'jax', 'tensorflow', 'other']);
    expect(values('cloudStrategy')).toEqual(['aws-only', 'multi-cloud', 'hybrid']);
    expect(values('needsCustomCuda')).toEqual(['true', 'false']);
    expect(elementOf(view, 'monthlySpendUsd')).toMatchObject({
      type: 'number_input',
      is_decimal_allowed: true,
      min_value: '0',
    });
  });

  test('makes the workload question, and only it, dispatch block_actions', async ({ harness }) => {
    const view = await openFromCommand(harness);
    expect(blockOf(view, 'workload').dispatch_action).toBe(true);
    const updated = await chooseWorkload(harness, view, { workload: 'inference' });
    expect(blockOf(updated, 'workload').dispatch_action).toBe(true);
    const dispatching = (updated.blocks as Json[]).filter((block) => block.dispatch_action);
    expect(dispatching.map((block) => block.block_id)).toEqual(['workload']);
  });

  test('shows every question that applies once the workload is chosen, in catalog order', async ({
    harness,
  }) => {
    const updated = await chooseWorkload(harness, await openFromCommand(harness), {
      workload: 'inference',
    });
    const expected = QUESTIONS.filter(
      (question) => !question.appliesTo || question.appliesTo.includes('inference'),
    ).map((question) => question.field);
    expect(inputIds(updated)).toEqual(expected);
  });

  test('shows the inference question once inference is chosen, updating the view by its hash', async ({
    harness,
  }) => {
    const view = await openFromCommand(harness);
    const updated = await chooseWorkload(harness, view, { workload: 'inference' });
    const [call] = harness.api.callsTo('views.update');
    expect(call?.params.view_id).toBe(view.id);
    expect(call?.params.hash).toBe(view.hash);
    expect(inputIds(updated)).toContain('inferenceProfile');
    expect(inputIds(updated)).not.toContain('chipCount');
    expect(updated.private_metadata).toBe(view.private_metadata);
  });

  test('shows the peak chip count, a whole number of 1 or more, once training is chosen', async ({
    harness,
  }) => {
    const view = await openFromCommand(harness);
    const updated = await chooseWorkload(harness, view, { workload: 'training' });
    expect(inputIds(updated)).not.toContain('inferenceProfile');
    expect(elementOf(updated, 'chipCount')).toMatchObject({
      type: 'number_input',
      is_decimal_allowed: false,
      min_value: '1',
    });
  });

  test('keeps what was already entered as initial values when it redraws', async ({ harness }) => {
    const first = await chooseWorkload(harness, await openFromCommand(harness), {
      workload: 'training',
    });
    const updated = await chooseWorkload(harness, first, {
      workloadName: 'search ranking',
      workload: 'inference',
      monthlySpendUsd: 25000,
      frameworks: ['jax', 'pytorch'],
      needsCustomCuda: false,
    });
    expect(elementOf(updated, 'workloadName').initial_value).toBe('search ranking');
    expect(elementOf(updated, 'workload').initial_option).toMatchObject({ value: 'inference' });
    expect(elementOf(updated, 'monthlySpendUsd').initial_value).toBe('25000');
    expect(elementOf(updated, 'frameworks').initial_options).toMatchObject([
      { value: 'pytorch' },
      { value: 'jax' },
    ]);
    expect(elementOf(updated, 'needsCustomCuda').initial_option).toMatchObject({ value: 'false' });
    expect(elementOf(updated, 'priority').initial_option).toBeUndefined();
  });

  test('hides the inference question again when the workload changes back to training', async ({
    harness,
  }) => {
    const view = await openFromCommand(harness);
    const inference = await chooseWorkload(harness, view, { workload: 'inference' });
    const training = await chooseWorkload(harness, inference, {
      workload: 'training',
      inferenceProfile: 'commodity',
    });
    expect(inputIds(training)).not.toContain('inferenceProfile');
    expect(inputIds(training)).toContain('chipCount');
  });

  test('lets a newer update win: a stale hash is not an error worth logging', async ({
    harness,
  }) => {
    const view = await openFromCommand(harness);
    await chooseWorkload(harness, view, { workload: 'training' });
    // A second choice made on the first version of the view: its hash is now stale.
    const stale = viewAction(view, fillForm(view, { workload: 'inference' }), 'workload');
    expect((await harness.interact(stale)).status).toBe(200);
    const calls = await harness.api.waitFor('views.update', 2);
    expect(calls[1]?.response.body).toEqual({ ok: false, error: 'hash_conflict' });
    await harness.logs.waitFor(/newer update of the questionnaire won/);
    await harness.settle();
    expect(harness.logs.errors()).toEqual([]);
  });
});
