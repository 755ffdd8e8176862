import { LRUCache } from 'lru-cache';

/**
 * Where the keys of things already done are claimed, so each is done once: a Slack retry, a
 * redelivered Socket Mode envelope or a double-clicked submit arrive with the key of the first.
 * A store shared by several processes (a database) makes that hold across them.
 */
export interface DuplicateStore {
  /**
   * Records `key` and resolves to true when it was not claimed within the store's window; to
   * false (recording nothing) for a repeat. Of concurrent claims of one key, exactly one wins.
   */
  claim(key: string): Promise<boolean>;
}

export interface MemoryDuplicatesOptions {
  /** Most keys kept; the oldest is forgotten first when a new one would exceed it. */
  readonly max: number;
  /** How long a key is remembered, in milliseconds. */
  readonly ttlMs: number;
  /** The clock, in milliseconds; tests pass their own. */
  readonly now?: () => number;
}

/** Ten minutes covers Slack's Events API retries (up to three, over about five minutes). */
export const DEFAULT_DUPLICATES: MemoryDuplicatesOptions = { max: 10_000, ttlMs: 10 * 60_000 };

/**
 * The keys of one process, in memory bounded by `max` however many arrive: an lru-cache of
 * when each key was claimed. Keys are only peeked at, never read back, so the least recently
 * used key is the oldest: the one forgotten when the store is full. A key claimed `ttlMs` or
 * more ago no longer counts (its next claim wins) and is forgotten in its turn. (lru-cache's own
 * `ttl` would still count a key claimed exactly `ttlMs` ago, and one claimed at time 0 forever.)
 */
export class MemoryDuplicates implements DuplicateStore {
  /** Key → when it was claimed. */
  readonly #claimed: LRUCache<string, number>;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor({ max, ttlMs, now = Date.now }: MemoryDuplicatesOptions = DEFAULT_DUPLICATES) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a whole number ≥ 1');
    if (!(ttlMs > 0)) throw new RangeError('ttlMs must be > 0');
    this.#claimed = new LRUCache<string, number>({ max });
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** Looks up and records in one synchronous step, so two concurrent claims cannot both win. */
  async claim(key: string): Promise<boolean> {
    const now = this.#now();
    if (this.#held(key, now)) return false;
    this.#claimed.set(key, now);
    return true;
  }

  /** Whether `key` is remembered (without recording it). */
  has(key: string): boolean {
    return this.#held(key, this.#now());
  }

  /** How many keys are remembered and still within their window (walks them all). */
  get size(): number {
    const now = this.#now();
    let held = 0;
    for (const at of this.#claimed.values()) if (now - at < this.#ttlMs) held += 1;
    return held;
  }

  #held(key: string, now: number): boolean {
    const at = this.#claimed.peek(key);
    return at !== undefined && now - at < this.#ttlMs;
  }
}
