/**
 * A bounded memory of keys, each kept for the same time: where duplicate claims go when the
 * database fails. Every key lives as long as the others, so the oldest is always the first to
 * expire or to be evicted: a queue in claim order says which, a Map answers lookups, both O(1)
 * per claim. (Walking the Map from its start instead is not O(1): V8 keeps deleted entries until
 * it rehashes, and every new iterator steps over them.)
 */
export class MemoryKeys {
  readonly #expires = new Map<string, number>();
  /** Keys held, oldest first, from `#head` on. */
  #queue: string[] = [];
  #head = 0;

  constructor(
    readonly max: number,
    readonly ttlMs: number,
    readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a whole number ≥ 1');
    if (!(ttlMs > 0)) throw new RangeError('ttlMs must be > 0');
  }

  /** Whether `key` was claimed within its lifetime. */
  has(key: string): boolean {
    this.#forgetExpired();
    return this.#expires.has(key);
  }

  /** Remembers `key`; true when it was not held already (the claim is the first). */
  claim(key: string): boolean {
    if (this.has(key)) return false;
    while (this.#expires.size >= this.max) this.#forgetOldest();
    this.#expires.set(key, this.now() + this.ttlMs);
    this.#queue.push(key);
    return true;
  }

  get size(): number {
    return this.#expires.size;
  }

  #forgetExpired(): void {
    const now = this.now();
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
