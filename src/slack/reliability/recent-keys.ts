export interface RecentKeysOptions {
  /** Most keys kept; the oldest is forgotten first when a new one would exceed it. */
  readonly max: number;
  /** How long a key is remembered, in milliseconds. */
  readonly ttlMs: number;
  /** The clock; tests pass their own. */
  readonly now?: () => number;
}

/** Ten minutes covers Slack's Events API retries (up to three, over about five minutes). */
export const DEFAULT_RECENT_KEYS: RecentKeysOptions = { max: 10_000, ttlMs: 10 * 60_000 };

/**
 * A bounded memory of keys seen recently, to do a thing once per key: a Slack retry, a
 * redelivered Socket Mode envelope or a double-clicked submit arrive with the key of the first.
 * A Map keeps insertion order, and every key lives for the same time, so the oldest entry is
 * always the first: expiry and eviction only ever look at the front, O(1) per claim.
 * Memory is bounded by `max` keys however many arrive.
 */
export class RecentKeys {
  readonly #seen = new Map<string, number>();
  readonly #max: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor({ max, ttlMs, now = Date.now }: RecentKeysOptions = DEFAULT_RECENT_KEYS) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a whole number ≥ 1');
    if (!(ttlMs > 0)) throw new RangeError('ttlMs must be > 0');
    this.#max = max;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /**
   * Records `key` and returns true when it was not seen within the window; returns false (and
   * records nothing) for a repeat. Synchronous, so two concurrent requests cannot both win.
   */
  claim(key: string): boolean {
    const now = this.#now();
    this.#forgetExpired(now);
    if (this.#seen.has(key)) return false;
    while (this.#seen.size >= this.#max) this.#forgetOldest();
    this.#seen.set(key, now + this.#ttlMs);
    return true;
  }

  /** Whether `key` is remembered (without recording it). */
  has(key: string): boolean {
    this.#forgetExpired(this.#now());
    return this.#seen.has(key);
  }

  get size(): number {
    return this.#seen.size;
  }

  #forgetExpired(now: number): void {
    for (const [key, expires] of this.#seen) {
      if (expires > now) return;
      this.#seen.delete(key);
    }
  }

  #forgetOldest(): void {
    const oldest = this.#seen.keys().next();
    if (!oldest.done) this.#seen.delete(oldest.value);
  }
}
