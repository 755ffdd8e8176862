import type { Advice } from './advice.js';
import type { Answers } from './answers.js';
import { isApplicable } from './evaluate/applicable.js';
import { decide, type Standing, winnerOf } from './evaluate/decide.js';
import { factsOf, runEngine } from './evaluate/run-engine.js';
import { buildAssessments } from './explain/assessments.js';
import { buildCostView } from './explain/cost.js';
import { findCounterfactuals, type SearchOptions } from './explain/counterfactuals.js';
import { buildNextSteps } from './explain/next-steps.js';
import { buildRationale } from './explain/rationale.js';
import { recommendationReason, whyNot } from './explain/reasons.js';
import type { Ruleset } from './ruleset/ruleset.js';

export interface Advisor {
  readonly ruleset: Ruleset;
  /** The explained recommendation for validated answers. Deterministic; safe to call concurrently. */
  advise(answers: Answers): Promise<Advice>;
}

/** An advisor over a loaded ruleset (see `loadRuleset`). */
export function createAdvisor(ruleset: Ruleset, options: SearchOptions = {}): Advisor {
  return { ruleset, advise: (answers) => advise(ruleset, answers, options) };
}

async function advise(ruleset: Ruleset, answers: Answers, options: SearchOptions): Promise<Advice> {
  const { fired, traces } = await runEngine(ruleset, answers);
  const decision = decide(ruleset, fired);
  const winner = winnerOf(decision);
  const applicable = (standing: Standing) => isApplicable(standing, answers);
  return {
    recommendation: {
      chip: winner.chip.id,
      vendor: winner.chip.vendor,
      label: winner.chip.label,
      reason: recommendationReason(decision, fired, applicable),
      summary: winner.chip.summary,
    },
    ranking: decision.ranking.map((standing) => ({
      chip: standing.chip.id,
      vendor: standing.chip.vendor,
      label: standing.chip.label,
      score: standing.score,
      points: standing.points,
      eligible: standing.eligible,
      ruledOutBy: standing.ruledOutBy.map((rule) => rule.name),
      ...(standing === winner ? {} : { whyNot: whyNot(standing, winner, fired) }),
    })),
    rationale: buildRationale(ruleset, fired, decision, traces, factsOf(answers)),
    nextSteps: buildNextSteps(fired, winner.chip.id),
    counterfactuals: findCounterfactuals(ruleset, answers, fired, decision, options),
    assessments: buildAssessments(decision, fired),
    cost: buildCostView(decision, answers, applicable),
    answers,
  };
}
