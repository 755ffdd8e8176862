import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../src/core/index.js';
import {
  historyMessage,
  historyUnavailable,
  type ListedDecision,
} from '../../src/slack/history/history-message.js';
import { HOME_LIMIT, homeDecisions } from '../../src/slack/history/home-section.js';
import { homeView } from '../../src/slack/messages/home-view.js';
import type { Decision } from '../../src/storage/index.js';
import { messageProblems, viewProblems } from '../support/block-kit-limits.js';
import { slackAnswers } from '../support/slack-arbitraries.js';

const ruleset = loadRuleset();
const labels = new Map(ruleset.chips.map((chip) => [chip.id, chip.label]));
const labelOf = (chip: string) => labels.get(chip) ?? chip;

/** A decision as read back, with any answers (workload names up to 80 characters of anything). */
const listed = fc
  .record({
    answers: slackAnswers,
    superseded: fc.boolean(),
    link: fc.option(
      fc.constant(
        `https://x.slack.com/archives/C${'X'.repeat(20)}/p${'9'.repeat(21)}?thread_ts=999999999999.999999999&cid=C${'X'.repeat(20)}`,
      ),
      { nil: undefined },
    ),
  })
  .map(
    ({ answers, superseded, link }): ListedDecision => ({
      link,
      decision: {
        id: 'id',
        workspace: { teamId: 'T0' },
        channelId: 'C0',
        summaryTs: '1.1',
        threadTs: '1.1',
        userId: `U${'X'.repeat(20)}`,
        answers,
        workloadName: answers.workloadName,
        recommendation: { chip: 'nvidia-groq-rubin', vendor: 'nvidia' },
        ranking: [],
        rulesVersion: 'sha256:0',
        appVersion: '0',
        decidedAt: new Date(),
        superseded,
      } satisfies Decision,
    }),
  );

describe('history fits Block Kit limits', () => {
  it('for the channel’s ten, with any workload names, and the answers when there are none or the database is down', () => {
    fc.assert(
      fc.property(
        fc.array(listed, { minLength: 0, maxLength: 10 }),
        fc.nat(5),
        (entries, unreadable) => {
          expect(messageProblems(historyMessage(entries, { unreadable, labelOf }))).toEqual([]);
        },
      ),
      { numRuns: 50 },
    );
    expect(messageProblems(historyUnavailable())).toEqual([]);
  });

  it('for the Home tab with the person’s own', () => {
    fc.assert(
      fc.property(fc.array(listed, { maxLength: HOME_LIMIT }), (entries) => {
        const view = homeView(ruleset, homeDecisions(entries, labelOf));
        expect(viewProblems(view as unknown as Record<string, unknown>)).toEqual([]);
      }),
      { numRuns: 30 },
    );
    const down = homeView(ruleset, homeDecisions('unavailable', labelOf));
    expect(viewProblems(down as unknown as Record<string, unknown>)).toEqual([]);
  });
});
