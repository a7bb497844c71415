// The one cache of derived data: memory first (shared by concurrent callers, failures not kept), then the store's
// table, then the computation; a damaged stored entry is recomputed.
import { describe, expect, it } from 'vitest';
import { DerivedCache, type DerivedTable } from '../../src/web/bounded-cache.js';

function table(initial: Record<string, string> = {}): DerivedTable & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getDerived: async (key) => data.get(key) ?? null,
    putDerived: async (key, value) => {
      data.set(key, value);
    },
  };
}

describe('DerivedCache', () => {
  it('computes once for concurrent callers and keeps the value in the table', async () => {
    const store = table();
    const cache = new DerivedCache<{ n: number }>(store, 10);
    let runs = 0;
    const compute = async () => ({ n: ++runs });
    const [a, b] = await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect([a, b, runs]).toEqual([{ n: 1 }, { n: 1 }, 1]);
    expect(store.data.get('k')).toBe('{"n":1}');
    // Another process (a new cache over the same table) reads it instead of computing.
    expect(await new DerivedCache<{ n: number }>(store, 10).get('k', compute)).toEqual({ n: 1 });
    expect(runs).toBe(1);
  });

  it('does not keep a failure, and recomputes a damaged stored entry', async () => {
    const store = table({ bad: '{not json' });
    const cache = new DerivedCache<string>(store, 10);
    await expect(
      cache.get('k', () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await cache.get('k', () => 'fine')).toBe('fine');
    expect(await cache.get('bad', () => 'rebuilt')).toBe('rebuilt');
    expect(store.data.get('bad')).toBe('"rebuilt"');
  });

  it('takes a value computed elsewhere', async () => {
    const store = table();
    const cache = new DerivedCache<string>(store, 10);
    await cache.set('k', 'given');
    expect(await cache.get('k', () => 'computed')).toBe('given');
    expect(store.data.get('k')).toBe('"given"');
  });
});
