// What the server and the CLI commands read from the environment, read the same way in both. The
// callers pass process.env in; nothing under src/store/ reads it itself.

import { resolve } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** Relative to the working directory; data/ is git-ignored. */
export const DEFAULT_DB_PATH = 'data/parallax.db';
export const DEFAULT_PORT = 3000;

/** The database path from PARALLAX_DB, or data/parallax.db; ':memory:' passes through for tests. */
export function resolveDbPath(env: Env): string {
  const configured = env.PARALLAX_DB?.trim();
  const path = configured === undefined || configured === '' ? DEFAULT_DB_PATH : configured;
  return path === ':memory:' ? path : resolve(path);
}

/** PORT, or 3000; null when PORT is set but is not a port number. */
export function resolvePort(env: Env): number | null {
  const configured = env.PORT?.trim();
  if (configured === undefined || configured === '') return DEFAULT_PORT;
  const port = Number(configured);
  return Number.isInteger(port) && port >= 0 && port <= 65_535 ? port : null;
}

/**
 * The one-time setup link for a token: under PARALLAX_PUBLIC_URL when the site has a public address
 * (behind a proxy), else http://localhost:<port> (the port the server listens on, or PORT).
 */
export function setupLink(env: Env, token: string, port?: number): string {
  const publicUrl = env.PARALLAX_PUBLIC_URL?.trim().replace(/\/+$/, '');
  const base =
    publicUrl === undefined || publicUrl === ''
      ? `http://localhost:${port ?? resolvePort(env) ?? DEFAULT_PORT}`
      : publicUrl;
  return `${base}/setup/${encodeURIComponent(token)}`;
}
