import { expect } from 'vitest';
import type { Answers } from '../../src/core/index.js';
import type { ApiCall } from '../../testkit/fake-slack-api.js';
import { fillForm } from '../../testkit/fill-form.js';
import { viewAction, viewSubmission } from '../../testkit/slack-payloads.js';
import type { HttpHarness } from './harness.js';

/** Steps a person takes in Slack, as a sequence of signed requests and the app's API calls. */

/** What the steps need: the in-process harness, or the real process (process-harness.ts). */
export type SlackDriver = Pick<HttpHarness, 'api' | 'command' | 'interact'>;

type Json = Record<string, unknown>;

/** Answers for a commodity inference workload on AWS, spending $50,000 a month. */
export const INFERENCE_ANSWERS: Answers = {
  workload: 'inference',
  inferenceProfile: 'commodity',
  monthlySpendUsd: 50000,
  frameworks: ['pytorch'],
  needsCustomCuda: false,
  cloudStrategy: 'aws-only',
  acceptsAwsLockIn: true,
  priority: 'cost',
};

/** Answers for a large PyTorch training workload that stays on AWS: Trainium. */
export const TRAINIUM_ANSWERS: Answers = {
  workload: 'training',
  monthlySpendUsd: 80000,
  frameworks: ['pytorch'],
  needsCustomCuda: false,
  cloudStrategy: 'aws-only',
  acceptsAwsLockIn: true,
  priority: 'balanced',
  chipCount: 256,
};

/** Answers for a multi-cloud training workload that needs custom CUDA (no what-ifs). */
export const TRAINING_ANSWERS: Answers = {
  workloadName: 'ranking model',
  workload: 'training',
  monthlySpendUsd: 8000,
  frameworks: ['pytorch', 'jax'],
  needsCustomCuda: true,
  cloudStrategy: 'multi-cloud',
  acceptsAwsLockIn: false,
  priority: 'performance',
  chipCount: 64,
};

/** The view in a views.open / views.update answer: what the app sent, with id and hash. */
export function viewOf(call: ApiCall | undefined): Json {
  const body = call?.response.body as { ok?: boolean; view?: Json } | undefined;
  if (!body?.ok || !body.view) throw new Error(`no view in ${call?.method ?? 'missing call'}`);
  return body.view;
}

/**
 * Where a modal's advice will go, read from its private_metadata (signed by the app: the target
 * is under `t`, the response_url it keeps under `r`).
 */
export function targetOf(view: Json): Record<string, unknown> {
  const metadata = JSON.parse(String(view.private_metadata)) as { t?: Record<string, unknown> };
  if (!metadata.t) throw new Error(`no target in ${String(view.private_metadata)}`);
  return metadata.t;
}

/** A posted message as the app would see it in Slack: its channel and the stored message. */
export interface Posted {
  readonly channel: string;
  readonly message: Json;
  readonly call: ApiCall;
}

export function postedOf(call: ApiCall): Posted {
  const body = call.response.body as { ok: boolean; channel: string; message: Json };
  if (!body.ok) throw new Error(`chat.postMessage failed: ${JSON.stringify(body)}`);
  return { channel: body.channel, message: body.message, call };
}

/** Waits for the `count`-th message posted (counting from the start of the test). */
export async function nthPosted(harness: SlackDriver, count: number): Promise<Posted> {
  const calls = await harness.api.waitFor('chat.postMessage', count);
  const call = calls[count - 1];
  if (!call) throw new Error(`no message #${count}`);
  return postedOf(call);
}

/** `/chip-advice` → the questionnaire it opened. */
export async function openFromCommand(harness: SlackDriver): Promise<Json> {
  const before = harness.api.callsTo('views.open').length;
  const response = await harness.command();
  expect(response.status).toBe(200);
  const calls = await harness.api.waitFor('views.open', before + 1);
  return viewOf(calls[before]);
}

/** Chooses the workload in an open questionnaire → the updated view. */
export async function chooseWorkload(
  harness: SlackDriver,
  view: Json,
  answers: Record<string, unknown>,
): Promise<Json> {
  const before = harness.api.callsTo('views.update').length;
  const response = await harness.interact(viewAction(view, fillForm(view, answers), 'workload'));
  expect(response.status).toBe(200);
  const calls = await harness.api.waitFor('views.update', before + 1);
  return viewOf(calls[before]);
}

/** Fills the view's inputs with those of `answers` it shows, and submits. */
export async function submit(harness: SlackDriver, view: Json, answers: Record<string, unknown>) {
  const blockIds = new Set(
    ((view.blocks as Json[]) ?? []).map((block) => block.block_id as string | undefined),
  );
  const shown = Object.fromEntries(
    Object.entries(answers).filter(([field]) => blockIds.has(field)),
  );
  return harness.interact(viewSubmission(view, fillForm(view, shown)));
}

/**
 * The whole questionnaire: open it however `open` does, choose the workload, fill in the rest
 * and submit. Resolves with the submission's HTTP response.
 */
export async function answerQuestionnaire(
  harness: SlackDriver,
  view: Json,
  answers: Record<string, unknown>,
) {
  const updated = await chooseWorkload(harness, view, { workload: answers.workload });
  return submit(harness, updated, answers);
}
