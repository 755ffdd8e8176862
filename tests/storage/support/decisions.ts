import type { Answers } from '../../../src/core/index.js';
import type { NewDecision } from '../../../src/storage/index.js';
import { AWS_FRIENDLY_INFERENCE, advisor } from '../../support/advisor.js';

let counter = 0;

/** A message ts that no other call in this process returns. */
export function nextTs(): string {
  counter += 1;
  return `1764000000.${String(counter).padStart(6, '0')}`;
}

/**
 * A decision as the app records it: the real advisor's recommendation and ranking for
 * `answers`, posted as a new thread (summary ts = thread ts) unless `overrides` say otherwise.
 */
export async function aDecision(
  overrides: Partial<NewDecision> = {},
  answers: Answers = { ...AWS_FRIENDLY_INFERENCE, workloadName: 'Search ranking' },
): Promise<NewDecision> {
  const advice = await advisor.advise(overrides.answers ?? answers);
  const ts = overrides.summaryTs ?? nextTs();
  return {
    workspace: { teamId: 'T0001' },
    channelId: 'C0001',
    summaryTs: ts,
    threadTs: ts,
    userId: 'U0001',
    answers,
    recommendation: advice.recommendation,
    ranking: advice.ranking,
    rulesVersion: 'sha256:0123456789abcdef',
    appVersion: '0.1.0',
    decidedAt: new Date('2026-11-27T10:00:00.000Z'),
    ...overrides,
  };
}

/** `date` plus `minutes`. */
export const later = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);
