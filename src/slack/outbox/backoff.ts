/**
 * When the next attempt is due after `attempts` failed ones: exponential from `firstMs`, capped
 * at `maxMs`, with "full jitter" (a random wait up to the bound), so replicas and rows coming
 * back at once do not all call Slack in the same second.
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffMs(
  attempts: number,
  { firstMs, maxMs }: { readonly firstMs: number; readonly maxMs: number },
  random: () => number = Math.random,
): number {
  const bound = Math.min(maxMs, firstMs * 2 ** Math.min(attempts, 30));
  return Math.max(firstMs / 2, Math.round(bound * random()));
}
