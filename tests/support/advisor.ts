import { type Answers, assertAnswers, createAdvisor, loadRuleset } from '../../src/core/index.js';

/** The bundled ruleset, loaded once per test file. */
export const ruleset = loadRuleset();
export const advisor = createAdvisor(ruleset);

/** Answers that favour AWS silicon: big spend, PyTorch, AWS only, lock-in accepted. */
export const AWS_FRIENDLY_TRAINING: Answers = {
  workload: 'training',
  monthlySpendUsd: 50_000,
  frameworks: ['pytorch'],
  needsCustomCuda: false,
  cloudStrategy: 'aws-only',
  acceptsAwsLockIn: true,
  priority: 'balanced',
};

export const AWS_FRIENDLY_INFERENCE: Answers = {
  ...AWS_FRIENDLY_TRAINING,
  workload: 'inference',
  inferenceProfile: 'commodity',
};

/** Validated answers from a base and overrides; `undefined` removes a field. */
export function answersWith(base: Answers, overrides: Record<string, unknown> = {}): Answers {
  const merged: Record<string, unknown> = { ...base, ...overrides };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  return assertAnswers(merged);
}

/** Names of the rules that fire for the answers, by the engine. */
export async function firedRules(answers: Answers): Promise<string[]> {
  const { runEngine } = await import('../../src/core/evaluate/run-engine.js');
  return (await runEngine(ruleset, answers)).fired.map((rule) => rule.name);
}
