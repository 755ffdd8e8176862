import type { CostView, Counterfactual } from '../advice.js';
import type { Standing } from '../evaluate/decide.js';
import { formatUsd, roundEstimate } from '../format.js';
import type { LoadedRule } from '../ruleset/ruleset.js';
import type { COST_STANDINGS } from '../ruleset/schema.js';
import { type DecisionContext, holds } from './decision-conditions.js';

type CostStanding = (typeof COST_STANDINGS)[number];

/**
 * The cost note of the first fired cost rule (rules/*.json, type `cost`) that is true here: its
 * `when` holds, and one of its chips is a real option for this work standing as the rule says.
 * Null when none is. The figures apply the chip's cost claim (chips.json) to the stated spend.
 */
export function buildCostView(
  fired: readonly LoadedRule[],
  context: DecisionContext,
  counterfactuals: readonly Counterfactual[],
): CostView | null {
  const { decision, whatIf, answers } = context;
  const [winner] = decision.ranking;
  if (!winner) return null;
  const standsAs = (standing: Standing, wanted: CostStanding): boolean => {
    if (wanted === 'recommended') return standing === winner;
    if (wanted === 'outscored') return standing !== winner && standing.eligible;
    // Ruled out, and lifting the constraints that rule it out is all it takes: its smallest
    // counterfactual changes only answers those constraints read.
    const smallest = counterfactuals.find((c) => c.chip === standing.chip.id);
    return (
      !standing.eligible &&
      smallest !== undefined &&
      smallest.changes.every((change) =>
        standing.ruledOutBy.some((rule) => rule.facts.has(change.field)),
      )
    );
  };
  for (const rule of fired) {
    if (rule.event.type !== 'cost' || !holds(rule.event.params.when, context)) continue;
    const params = rule.event.params;
    const quoted = decision.ranking.find(
      (standing) =>
        params.chips.includes(standing.chip.id) &&
        whatIf.isRealOption(standing) &&
        standsAs(standing, params.standing),
    );
    const claim = quoted?.chip.cost;
    if (!quoted || !claim) continue;
    const spend = answers.monthlySpendUsd;
    const monthly = roundEstimate(spend * claim.reductionVsGpu);
    // The yearly figure is 12 times the monthly one shown, so the two never disagree.
    const annual = monthly * 12;
    const figures: Record<string, string> = {
      chip: quoted.chip.label,
      winner: winner.chip.label,
      monthly: formatUsd(monthly),
      annual: formatUsd(annual),
      spend: formatUsd(spend),
      claim: claim.claim,
      blockers: [
        ...new Set(
          quoted.ruledOutBy.map((r) =>
            r.event.type === 'constraint' ? r.event.params.reason : '',
          ),
        ),
      ].join('; '),
    };
    return {
      chip: quoted.chip.id,
      vendor: quoted.chip.vendor,
      label: quoted.chip.label,
      estimate: true,
      status: quoted === winner ? 'recommended' : 'alternative',
      monthlySpendUsd: spend,
      reductionVsGpu: claim.reductionVsGpu,
      estimatedMonthlySavingsUsd: monthly,
      estimatedAnnualSavingsUsd: annual,
      text: params.text.replace(/\{(\w+)\}/g, (_match, name: string) => figures[name] ?? ''),
      source: claim.source,
      ...(params.source === claim.source ? {} : { seeAlso: [params.source] }),
      ruleId: rule.name,
    };
  }
  return null;
}
