import type { Advice } from './advice.js';
import type { Answers } from './answers.js';
import { decide, winnerOf } from './evaluate/decide.js';
import { factsOf, runEngine } from './evaluate/run-engine.js';
import { createWhatIf } from './evaluate/what-if.js';
import { buildAssessments } from './explain/assessments.js';
import { buildCostView } from './explain/cost.js';
import { findCounterfactuals, type SearchOptions } from './explain/counterfactuals.js';
import type { DecisionContext } from './explain/decision-conditions.js';
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
  const whatIf = createWhatIf(ruleset, answers, fired);
  const context: DecisionContext = { answers, decision, whatIf };
  const counterfactuals = findCounterfactuals(decision, whatIf, options);
  return {
    recommendation: {
      chip: winner.chip.id,
      vendor: winner.chip.vendor,
      label: winner.chip.label,
      reason: recommendationReason(decision, fired),
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
    nextSteps: buildNextSteps(fired, context),
    counterfactuals,
    assessments: buildAssessments(fired, context),
    cost: buildCostView(fired, context, counterfactuals),
    answers,
  };
}
