import {
  type Advice,
  type Advisor,
  type AnswerField,
  type Change,
  ifPhrase,
  joinWords,
  parseAnswers,
} from '../../core/index.js';
import { PayloadInvalidError } from '../../errors.js';
import type { WhatIfRequest } from '../messages/button-values.js';

export interface WhatIfOutcome {
  /** "monthly spend were at most $10,000": the counterfactual's own words when it still exists. */
  readonly condition: string;
  readonly before: Advice;
  readonly after: Advice;
}

function sameChanges(changes: readonly Change[], wanted: WhatIfRequest['changes']): boolean {
  const fields = Object.keys(wanted);
  return (
    changes.length === fields.length &&
    changes.every(
      (change) =>
        change.field in wanted &&
        JSON.stringify(change.to) === JSON.stringify(wanted[change.field]),
    )
  );
}

/** The condition in words, from the matching counterfactual or, failing that, from the catalog. */
function conditionOf(before: Advice, changes: WhatIfRequest['changes']): string {
  const match = before.counterfactuals.find((candidate) => sameChanges(candidate.changes, changes));
  if (match) return joinWords(match.changes.map((change) => change.phrase));
  return joinWords(
    Object.entries(changes).map(([field, to]) => ifPhrase(field as AnswerField, to)),
  );
}

/**
 * Re-evaluates answers with a what-if change applied, alongside the original answers, so the
 * reply can say how the result differs. Throws {@link PayloadInvalidError} when the changed
 * answers are not valid answers.
 */
export async function evaluateWhatIf(
  advisor: Advisor,
  { answers, changes }: WhatIfRequest,
): Promise<WhatIfOutcome> {
  const changed: Record<string, unknown> = { ...answers };
  for (const [field, to] of Object.entries(changes)) {
    if (to === undefined) delete changed[field];
    else changed[field] = to;
  }
  const parsed = parseAnswers(changed);
  if (!parsed.ok) {
    throw new PayloadInvalidError(
      'what-if change',
      parsed.issues.map((issue) => issue.message),
    );
  }
  const [before, after] = await Promise.all([
    advisor.advise(answers),
    advisor.advise(parsed.answers),
  ]);
  return { condition: conditionOf(before, changes), before, after };
}
