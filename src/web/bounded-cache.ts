// In-memory caches of the web layer: recently used values by key, and the short hashes that make keys.

import { createHash } from 'node:crypto';

/** A small LRU map: recently used entries stay, the oldest go past `capacity`. */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
}

export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Where derived JSON lasts beyond the process: the store's derived-data table. */
export interface DerivedTable {
  getDerived(key: string): Promise<string | null>;
  putDerived(key: string, value: string): Promise<void>;
}

/**
 * Derived data (an ingested article, a comparison) by a key that names every input: first a bounded in-memory map
 * of promises (concurrent requests share one computation; a failure is not kept, so the next request tries again),
 * then the store's derived-data table (a restart or another process does not recompute), then `compute`.
 */
export class DerivedCache<V> {
  private readonly memory: BoundedCache<Promise<V>>;
  constructor(
    private readonly table: DerivedTable,
    capacity: number,
  ) {
    this.memory = new BoundedCache(capacity);
  }

  get(key: string, compute: () => V | Promise<V>): Promise<V> {
    const hit = this.memory.get(key);
    if (hit !== undefined) return hit;
    const promise = this.load(key, compute);
    this.memory.set(key, promise);
    promise.catch(() => this.memory.delete(key));
    return promise;
  }

  /** Keeps a value computed elsewhere (the article an upload's preview ingested). */
  async set(key: string, value: V): Promise<void> {
    this.memory.set(key, Promise.resolve(value));
    await this.table.putDerived(key, JSON.stringify(value));
  }

  private async load(key: string, compute: () => V | Promise<V>): Promise<V> {
    const stored = await this.table.getDerived(key);
    if (stored !== null) {
      try {
        return JSON.parse(stored) as V;
      } catch {
        // A damaged entry is recomputed from the raw versions, never trusted.
      }
    }
    const value = await compute();
    await this.table.putDerived(key, JSON.stringify(value));
    return value;
  }
}
