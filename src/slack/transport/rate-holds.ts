import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Slack's rate limits are per method and per token (per workspace): a 429 on chat.postMessage
 * says nothing about views.open. The Web API client pauses its whole request queue on a 429, so
 * one rate-limited post would hold back every modal, whose trigger_id lives 3 seconds. These
 * holds stand in for that pause, one per token and method, so nothing else waits.
 * @see https://docs.slack.dev/apis/web-api/rate-limits
 */
export class RateHolds {
  readonly #until = new Map<string, number>();

  /** The key of a call: the method and a digest of its token (tokens are not kept as keys). */
  static keyOf(method: string, authorization: string | undefined): string {
    const digest = createHash('sha256')
      .update(authorization ?? '')
      .digest('base64url')
      .slice(0, 16);
    return `${digest}:${method}`;
  }

  /** Resolves once `key` is no longer held (at once when it is not). */
  async wait(key: string): Promise<void> {
    for (;;) {
      const until = this.#until.get(key);
      const left = until === undefined ? 0 : until - Date.now();
      if (left <= 0) {
        this.#until.delete(key);
        return;
      }
      await sleep(left);
    }
  }

  /** Holds `key` for `ms` from now (a later hold extends it, an earlier one does not shorten it). */
  hold(key: string, ms: number): void {
    const until = Date.now() + ms;
    if ((this.#until.get(key) ?? 0) < until) this.#until.set(key, until);
  }

  /** How many keys are held now (for logs and /healthz). */
  get held(): number {
    const now = Date.now();
    let count = 0;
    for (const until of this.#until.values()) if (until > now) count += 1;
    return count;
  }
}
