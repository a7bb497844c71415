// Where the database lives, read the same way by the server and the CLI commands.

import { resolve } from 'node:path';

/** Relative to the working directory; data/ is git-ignored. */
export const DEFAULT_DB_PATH = 'data/parallax.db';

/** The database path from PARALLAX_DB, or data/parallax.db; ':memory:' passes through for tests. */
export function resolveDbPath(env: Readonly<Record<string, string | undefined>>): string {
  const configured = env.PARALLAX_DB?.trim();
  const path = configured === undefined || configured === '' ? DEFAULT_DB_PATH : configured;
  return path === ':memory:' ? path : resolve(path);
}
