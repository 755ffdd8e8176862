import fc from 'fast-check';
import type { Answers } from '../../src/core/index.js';
import { validAnswers } from '../../testkit/arbitraries.js';

/** Workload names that test mrkdwn escaping and length limits: mentions, markup, emoji, 80 characters. */
const slackyName = fc.constantFrom(
  '<!channel> & <@U0123>',
  '*bold* _it_ `code` ~x~ <https://example.com|link>',
  '🚀'.repeat(40),
  'x'.repeat(80),
  '"quoted" \\ back\\slash',
);

/** Any valid answers, half the time with a workload name that is hard to show in Slack. */
export const slackAnswers: fc.Arbitrary<Answers> = fc
  .tuple(validAnswers, fc.option(slackyName, { nil: undefined }))
  .map(([answers, name]) => (name === undefined ? answers : { ...answers, workloadName: name }));
