// 20 uploads of different versions to one article at the same moment, each through its own connection
// (better-sqlite3 is synchronous, so concurrency needs separate threads): none lost, none duplicated.

import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, seedFromCorpus } from '../../src/store/index.js';
import { makeTempDir, type TempDir } from './helpers.js';

const UPLOADERS = 20;
const WORKER_ENTRY = new URL('./fixtures/ts-worker.mjs', import.meta.url);
const WORKER_FILE = new URL('./fixtures/add-version-worker.ts', import.meta.url).href;

let temp: TempDir | undefined;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

interface Outcome {
  number?: number;
  error?: string;
}

describe('concurrent addVersion', () => {
  it(`${UPLOADERS} uploads from ${UPLOADERS} connections get numbers 2..${UPLOADERS + 1} after the corpus version`, async () => {
    temp = makeTempDir();
    const setup = await openSqliteStore(temp.dbPath);
    await seedFromCorpus(setup, new URL('../../corpus', import.meta.url).pathname);
    const article = await setup.getArticleBySlug('nk-pow-asylum', 'straits-times-afp');
    await setup.close();
    expect(article?.versions.map((v) => v.number)).toEqual([1]);

    const barrier = new SharedArrayBuffer(4);
    const flags = new Int32Array(barrier);
    const ready: Promise<void>[] = [];
    const outcomes: Promise<Outcome>[] = [];
    for (let index = 0; index < UPLOADERS; index++) {
      const worker = new Worker(WORKER_ENTRY, {
        workerData: { file: WORKER_FILE, dbPath: temp.dbPath, articleId: article?.id, index, barrier },
      });
      const failed = new Promise<never>((_, reject) => worker.once('error', reject));
      const messages = new Promise<Outcome>((resolve) => {
        worker.on('message', (message: Outcome & { ready?: boolean }) => {
          if (message.ready !== true) resolve(message);
        });
      });
      ready.push(
        Promise.race([
          new Promise<void>((resolve) => worker.on('message', (m: { ready?: boolean }) => m.ready && resolve())),
          failed,
        ]),
      );
      outcomes.push(Promise.race([messages, failed]));
    }
    // Release every worker at once, when all have opened their connection.
    await Promise.all(ready);
    Atomics.store(flags, 0, 1);
    Atomics.notify(flags, 0);
    const results = await Promise.all(outcomes);

    expect(results.filter((r) => r.error !== undefined)).toEqual([]);
    const numbers = results.map((r) => r.number ?? 0).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: UPLOADERS }, (_, i) => i + 2));

    const check = await openSqliteStore(temp.dbPath);
    const stored = await check.getArticle(article?.id ?? -1);
    expect(stored?.versions.map((v) => v.number)).toEqual(Array.from({ length: UPLOADERS + 1 }, (_, i) => i + 1));
    expect(new Set(stored?.versions.map((v) => v.uploadedBy)).size).toBe(UPLOADERS + 1);
    await check.close();
  });
});
