import type { PortfolioRow } from '../../../core/portfolio/index.js';

/** One workload of a channel's portfolio: its current decision (the latest record of its thread). */
export interface DecisionRow extends PortfolioRow {
  readonly channelId: string;
  /** The thread the decision belongs to (its first summary's ts). */
  readonly threadTs: string;
  /** Who asked. */
  readonly userId: string;
  readonly decidedAt: Date;
  readonly rulesVersion: string;
}

/**
 * A link to a decision's thread. Slack's permalink form is the workspace's domain, the channel
 * and the ts without its dot; the slash command's payload gives the domain (`team_domain`), so no
 * `chat.getPermalink` call per row is needed.
 * @see https://docs.slack.dev/reference/methods/chat.getPermalink
 */
export function threadLink(teamDomain: string, channelId: string, threadTs: string): string {
  return `https://${teamDomain}.slack.com/archives/${channelId}/p${threadTs.replace('.', '')}`;
}

/** Largest monthly spend first; equal spends keep their order (newest first, as stored). */
export function largestFirst<R extends PortfolioRow>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => b.monthlySpendUsd - a.monthlySpendUsd);
}

/** How many decisions were made under each rules version, most first. */
export function rulesVersions(rows: readonly DecisionRow[]): [version: string, count: number][] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.rulesVersion, (counts.get(row.rulesVersion) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}
