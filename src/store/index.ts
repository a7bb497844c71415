// The store's public surface: open a store, load a corpus folder, and the field checks every caller uses
// (the forms check with them before the store checks again). The web layer sees only the Store interface (./types.ts).

import { openDatabase } from './db.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
import type { Store } from './types.js';

/** Opens (creating and migrating) the SQLite store at `path`; ':memory:' gives a private in-memory store. */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  return new SqliteStore(openDatabase(path), options);
}

export { DEFAULT_DB_PATH, DEFAULT_PORT, resolveDbPath, resolvePort, setupLink } from './env.js';
export type { SeedOptions, SeedReport } from './seed-corpus.js';
export { seedFromCorpus } from './seed-corpus.js';
export type { SqliteStoreOptions } from './sqlite-store.js';
export { SqliteStore } from './sqlite-store.js';
export type { ArticleFields } from './validate.js';
export {
  checkArticleFields,
  checkLine,
  checkOptionalDate,
  checkOptionalLine,
  checkOptionalText,
  checkOptionalUrl,
  checkSlug,
} from './validate.js';
export { sha256Hex } from './versions.js';
export type { Store };
