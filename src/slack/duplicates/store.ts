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
 * Every key lives for the same time, so the oldest key is always the first to expire or to be
 * evicted: a queue in insertion order says which, and a Map answers lookups. Both are O(1) per
 * claim. (Iterating the Map from its start instead is not: V8 leaves deleted entries in place
 * until it rehashes, and every new iterator walks over them.)
 * Memory is bounded by `max` keys however many arrive.
 */
export class RecentKeys {
  /** Key → when it expires. */
  readonly #expires = new Map<string, number>();
  /** The keys held, oldest first, from `#head` on; the slots before it are spent. */
  #queue: string[] = [];
  #head = 0;
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
    if (this.#expires.has(key)) return false;
    while (this.#expires.size >= this.#max) this.#forgetOldest();
    this.#expires.set(key, now + this.#ttlMs);
    this.#queue.push(key);
    return true;
  }

  /** Whether `key` is remembered (without recording it). */
  has(key: string): boolean {
    this.#forgetExpired(this.#now());
    return this.#expires.has(key);
  }

  get size(): number {
    return this.#expires.size;
  }

  #forgetExpired(now: number): void {
    while (this.#head < this.#queue.length) {
      const oldest = this.#queue[this.#head] as string;
      if ((this.#expires.get(oldest) ?? 0) > now) return;
      this.#forgetOldest();
    }
  }

  #forgetOldest(): void {
    const oldest = this.#queue[this.#head];
    if (oldest === undefined) return;
    this.#expires.delete(oldest);
    this.#head += 1;
    // Drop the spent slots once they are the larger part: the queue stays within 2 × max.
    if (this.#head * 2 >= this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }
}
