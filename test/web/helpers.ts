// Builds the app over a fresh in-memory store seeded from corpus/, for supertest.

import path from 'node:path';
import type express from 'express';
import { openSqliteStore, seedFromCorpus } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { createApp } from '../../src/web/app.js';
import type { AppDeps } from '../../src/web/deps.js';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../../corpus');
export const SEED_STORY = 'nk-pow-asylum';

export interface TestApp {
  app: express.Express;
  store: Store;
  deps: AppDeps;
  logs: string[];
}

export async function seededStore(): Promise<Store> {
  const store = await openSqliteStore(':memory:');
  await seedFromCorpus(store, CORPUS_DIR);
  return store;
}

/** The app over `store` (a seeded one by default). */
export async function testApp(overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const store = overrides.store ?? (await seededStore());
  const logs: string[] = [];
  const deps: AppDeps = {
    store,
    mode: 'test',
    secret: 'test-secret-test-secret-test-secret',
    secureCookies: false,
    trustProxy: false,
    log: (line) => logs.push(line),
    ...overrides,
  };
  return { app: createApp(deps), store, deps, logs };
}
