// The cache of derived data (normalised articles, comparisons) as JSON text. Callers build the keys and
// include INGEST_VERSION / ENGINE_VERSION in them, so a version bump simply misses the old rows and the
// data is rebuilt from the raw versions; the cache is never the source of truth, so its oldest rows may
// be dropped at any time to keep it bounded.

import { STORE } from '../config.js';
import { isoTime, type StoreContext } from './db.js';

export function getDerived(ctx: StoreContext, key: string): string | null {
  const row = ctx.prepare<[string], { value: string }>('SELECT value FROM derived_cache WHERE key = ?').get(key);
  return row === undefined ? null : row.value;
}

export function putDerived(
  ctx: StoreContext,
  key: string,
  value: string,
  maxEntries: number = STORE.maxDerivedEntries,
): void {
  const put = ctx.db.transaction(() => {
    ctx
      .prepare(
        `INSERT INTO derived_cache (key, value, created_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at`,
      )
      .run(key, value, isoTime(ctx));
    // Oldest first; rowid breaks ties between rows written in the same millisecond.
    ctx
      .prepare(
        `DELETE FROM derived_cache WHERE rowid IN (
           SELECT rowid FROM derived_cache ORDER BY created_at, rowid
           LIMIT max(0, (SELECT count(*) FROM derived_cache) - ?))`,
      )
      .run(maxEntries);
  });
  put.immediate();
}
