import { describe, expect, it } from 'vitest';
import { MemoryKeys } from '../../src/storage/delivery-keys/memory-keys.js';
import { type Claim, createDuplicateClaims } from '../../src/storage/index.js';
import { testLogger } from './support/engines.js';

/** Keys "in the database" whose answers the test controls. */
function fakeKeys() {
  const held = new Set<string>();
  const state = { failing: false, calls: 0 };
  return {
    state,
    held,
    keys: {
      async claim(key: string): Promise<Claim> {
        state.calls += 1;
        if (state.failing)
          throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        if (held.has(key)) return 'repeat';
        held.add(key);
        return 'first';
      },
    },
  };
}

describe('duplicate claims', () => {
  it("answers this process's own repeats from memory, without asking the database", async () => {
    const fake = fakeKeys();
    const claims = createDuplicateClaims({ keys: fake.keys, logger: testLogger().logger });
    expect(await claims.claim('a')).toBe('first');
    expect(await claims.claim('a')).toBe('repeat');
    expect(fake.state.calls).toBe(1);
  });

  it('a key another process claimed is a repeat', async () => {
    const fake = fakeKeys();
    fake.held.add('theirs');
    const claims = createDuplicateClaims({ keys: fake.keys, logger: testLogger().logger });
    expect(await claims.claim('theirs')).toBe('repeat');
  });

  it('while the database fails, only one claim per probe interval tries it', async () => {
    const fake = fakeKeys();
    let clock = 0;
    const claims = createDuplicateClaims({
      keys: fake.keys,
      logger: testLogger().logger,
      probeEveryMs: 1000,
      now: () => clock,
    });
    fake.state.failing = true;
    clock = 5000;
    for (const key of ['a', 'b', 'c', 'd']) expect(await claims.claim(key)).toBe('first');
    expect(fake.state.calls).toBe(1);
    clock += 1000;
    fake.state.failing = false;
    expect(await claims.claim('e')).toBe('first');
    expect(claims.inMemory).toBe(false);
    // The keys claimed in memory meanwhile are written to the database, for other processes.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect([...fake.held].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('two claims of one key at once, one answered by memory: still only one is first', async () => {
    const fake = fakeKeys();
    let clock = 0;
    const claims = createDuplicateClaims({
      keys: fake.keys,
      logger: testLogger().logger,
      now: () => clock,
    });
    fake.state.failing = true;
    clock = 10_000;
    await claims.claim('warm-up'); // now failing: the next claims within the interval use memory
    fake.state.failing = false;
    clock += 2000;
    const both = await Promise.all([claims.claim('k'), claims.claim('k')]);
    expect(both.sort()).toEqual(['first', 'repeat']);
  });
});

describe('MemoryKeys', () => {
  it('forgets a key when it expires, and the oldest one past the bound', () => {
    let clock = 0;
    const memory = new MemoryKeys(3, 100, () => clock);
    expect(['a', 'b', 'c', 'd'].map((key) => memory.claim(key))).toEqual([true, true, true, true]);
    expect(memory.size).toBe(3);
    expect(memory.has('a')).toBe(false);
    expect(memory.claim('b')).toBe(false);
    clock = 100;
    expect(memory.has('d')).toBe(false);
    expect(memory.size).toBe(0);
  });
});
