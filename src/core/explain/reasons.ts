import type { Decision, Standing } from '../evaluate/decide.js';
import type { LoadedRule } from '../ruleset/ruleset.js';

const reasonOf = (rule: LoadedRule): string =>
  rule.event.type === 'constraint' || rule.event.type === 'preference'
    ? rule.event.params.reason
    : '';

const pointsFor = (rule: LoadedRule, chip: string): number =>
  rule.event.type === 'preference' ? (rule.event.params.points[chip] ?? 0) : 0;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Preferences that most separate `winner` from `rival`, biggest gap first. */
function separating(fired: readonly LoadedRule[], winner: string, rival: string): LoadedRule[] {
  return fired
    .map((rule) => ({ rule, gap: pointsFor(rule, winner) - pointsFor(rule, rival) }))
    .filter(({ gap }) => gap > 0)
    .sort((a, b) => b.gap - a.gap)
    .map(({ rule }) => rule);
}

/** A rule that reads nothing but the workload kind (which chips train, which serve). */
const aboutKindOnly = (rule: LoadedRule): boolean =>
  [...rule.facts].every((fact) => fact === 'workload');

/**
 * One line on why the recommendation won: constraints that removed a rival for this kind of work
 * scoring at least as high ("custom CUDA kernels only run on NVIDIA"), or any rival when none is
 * left, then the preferences that open the widest gap to an allowed rival. A chip that does not
 * do this kind of work at all (Trainium for inference) is no rival, so the rule saying so is no
 * reason.
 */
export function recommendationReason(decision: Decision, fired: readonly LoadedRule[]): string {
  const [winner, ...others] = decision.ranking;
  if (!winner) return '';
  const rivals = others.filter((standing) => !standing.ruledOutBy.some(aboutKindOnly));
  const allowed = rivals.filter((standing) => standing.eligible);
  const removes = (rule: LoadedRule, atLeastAsGood: boolean) =>
    rivals.some(
      (standing) =>
        standing.ruledOutBy.includes(rule) && (!atLeastAsGood || standing.points >= winner.points),
    );
  // With no rival left standing, whatever removed them is the whole reason.
  const decisiveConstraints = [
    ...decision.applied.filter((rule) => removes(rule, true)),
    ...(allowed.length === 0
      ? decision.applied.filter((rule) => removes(rule, false) && !removes(rule, true))
      : []),
  ];
  const own = (rule: LoadedRule) => pointsFor(rule, winner.chip.id);
  const widestGap = (rule: LoadedRule) =>
    allowed.length === 0
      ? 0
      : Math.max(...allowed.map((rival) => own(rule) - pointsFor(rule, rival.chip.id)));
  const preferences = fired
    .filter((rule) => widestGap(rule) > 0)
    .sort((a, b) => widestGap(b) - widestGap(a) || own(b) - own(a));
  const reasons = distinctReasons([...decisiveConstraints, ...preferences], 2);
  if (reasons.length === 0) {
    return 'No rule favours one chip over another for these answers; this is the first chip the ruleset lists.';
  }
  return `${capitalize(reasons.join('; '))}.`;
}

/**
 * Up to `count` reasons, preferring rules about different answers: "spend is above $10K" and
 * "spend above $10K justifies migrating" say one thing twice. The workload kind, which most
 * rules read, does not count as overlap.
 */
function distinctReasons(rules: readonly LoadedRule[], count: number): string[] {
  const topics = (rule: LoadedRule) => [...rule.facts].filter((fact) => fact !== 'workload');
  const picked: LoadedRule[] = [];
  // Two rules can word their reason alike: a reason already picked is never picked again.
  const saysNew = (rule: LoadedRule) => !picked.some((other) => reasonOf(other) === reasonOf(rule));
  for (const rule of rules) {
    if (picked.length === count) break;
    const covered = picked.flatMap(topics);
    if (!topics(rule).some((fact) => covered.includes(fact)) && saysNew(rule)) picked.push(rule);
  }
  for (const rule of rules) {
    if (picked.length === count) break;
    if (!picked.includes(rule) && saysNew(rule)) picked.push(rule);
  }
  return picked.map(reasonOf);
}

/** A short "why not" for a chip that was not chosen. */
export function whyNot(standing: Standing, winner: Standing, fired: readonly LoadedRule[]): string {
  if (!standing.eligible) {
    return `Ruled out: ${[...new Set(standing.ruledOutBy.map(reasonOf))].join('; ')}.`;
  }
  const [top] = separating(fired, winner.chip.id, standing.chip.id);
  const tally = `${standing.points} vs ${winner.points} points`;
  if (standing.points === winner.points) {
    // The bundled rules never tie (tests/core/truth.test.ts); edited ones may.
    return `Tied with ${winner.chip.label} on points (${standing.points} each); the ruleset lists ${winner.chip.label} first, and on a tie the first listed is recommended.`;
  }
  return `Outscored by ${winner.chip.label} (${tally})${top ? `: ${reasonOf(top)}` : ''}.`;
}
