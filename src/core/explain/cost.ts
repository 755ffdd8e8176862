import type { CostView } from '../advice.js';
import type { Answers } from '../answers.js';
import type { Decision, Standing } from '../evaluate/decide.js';
import { formatUsd, roundEstimate } from '../format.js';

/**
 * The article's cost claim for AWS silicon applied to the stated spend, when a price-sensitive
 * choice is in play: the recommendation has a cost claim, or such a chip was a real option
 * (allowed, or ruled out while cost is the priority). Null when there is no such chip or no spend.
 */
export function buildCostView(
  decision: Decision,
  answers: Answers,
  applicable: (standing: Standing) => boolean,
): CostView | null {
  const [winner] = decision.ranking;
  const spend = answers.monthlySpendUsd;
  const candidate = decision.ranking.find(
    (standing) =>
      standing.chip.cost !== undefined &&
      applicable(standing) &&
      (standing === winner || standing.eligible || answers.priority === 'cost'),
  );
  if (!candidate?.chip.cost || !winner || spend <= 0) return null;
  const { chip } = candidate;
  const cost = candidate.chip.cost;
  const monthly = roundEstimate(spend * cost.reductionVsGpu);
  const annual = roundEstimate(spend * cost.reductionVsGpu * 12);
  const recommended = candidate === winner;
  const saving = `about ${formatUsd(monthly)}/month less (about ${formatUsd(annual)}/year) at ${formatUsd(spend)}/month`;
  const basis = `Estimate: ${chip.label} would cost ${saving}, using the article's claim of ${cost.claim}`;
  const blockers = candidate.ruledOutBy.map((rule) =>
    rule.event.type === 'constraint' ? rule.event.params.reason : rule.name,
  );
  const text = recommended
    ? `${basis}. Migration and re-engineering costs are not included.`
    : candidate.eligible
      ? `${basis}; choosing ${winner.chip.label} forgoes that saving. Migration costs are not included.`
      : `${basis}, but it is ruled out here (${blockers.join('; ')}), so that saving is the price of the constraint.`;
  return {
    chip: chip.id,
    vendor: chip.vendor,
    label: chip.label,
    estimate: true,
    status: recommended ? 'recommended' : 'alternative',
    monthlySpendUsd: spend,
    reductionVsGpu: cost.reductionVsGpu,
    estimatedMonthlySavingsUsd: monthly,
    estimatedAnnualSavingsUsd: annual,
    text,
    source: cost.source,
  };
}
