import type { RationaleRole } from '../advice.js';

/**
 * How each role of a rule in the rationale reads to a person, one wording for every adapter
 * (the terminal and Slack show the same words).
 */
export const ROLE_LABELS: Readonly<Record<RationaleRole, string>> = {
  narrows: 'Rules chips out',
  supports: 'In favour',
  outweighed: 'Against, but outweighed',
  moot: 'No effect here: it only scores chips that are ruled out',
  overridden: 'Set aside: a stronger rule left no chip it allows',
};

/** How the outcome of a condition of a rule reads, where a mark (✓/✗) does not say it all. */
export const CONDITION_LABELS = {
  /** json-rules-engine settled the rule before testing this condition. */
  notNeeded: 'not needed: the other conditions already settled this rule',
} as const;

/** What the ranking's numbers mean, to show beside them. */
export const RANKING_LEGEND =
  'Points: the sum of what the rules that fired give each chip (each rule says how many). Score: the points on a 0–1 scale, where 0.50 means the rules are neutral on the chip and higher is better; a ruled-out chip scores 0.';
