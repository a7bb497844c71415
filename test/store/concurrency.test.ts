// 20 uploads of different versions to one article at the same moment from 4 threads, each with its own
// connection (better-sqlite3 is synchronous, so concurrency needs separate threads): none lost, none
// duplicated, no gap.

import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, seedFromCorpus } from '../../src/store/index.js';
import { makeTempDir, type TempDir } from './helpers.js';

const THREADS = 4;
const UPLOADS_PER_THREAD = 5;
const UPLOADS = THREADS * UPLOADS_PER_THREAD;
const WORKER_ENTRY = new URL('./fixtures/ts-worker.mjs', import.meta.url);
const WORKER_FILE = new URL('./fixtures/add-version-worker.ts', import.meta.url).href;

let temp: TempDir | undefined;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

interface Outcome {
  numbers?: number[];
  error?: string;
}

describe('concurrent addVersion', () => {
  // Starting threads that each load TypeScript is slow on a loaded 2-core machine; the time is not asserted.
  it(`${UPLOADS} uploads from ${THREADS} connections get numbers 2..${UPLOADS + 1} after the corpus version`, {
    timeout: 120_000,
  }, async () => {
    temp = makeTempDir();
    const setup = await openSqliteStore(temp.dbPath);
    await seedFromCorpus(setup, new URL('../../corpus', import.meta.url).pathname);
    const article = await setup.getArticleBySlug('nk-pow-asylum', 'straits-times-afp');
    await setup.close();
    expect(article?.versions.map((v) => v.number)).toEqual([1]);

    const barrier = new SharedArrayBuffer(4);
    const workers: Worker[] = [];
    const ready: Promise<void>[] = [];
    const outcomes: Promise<Outcome>[] = [];
    for (let index = 0; index < THREADS; index++) {
      const worker = new Worker(WORKER_ENTRY, {
        workerData: {
          file: WORKER_FILE,
          dbPath: temp.dbPath,
          articleId: article?.id,
          index,
          uploads: UPLOADS_PER_THREAD,
          barrier,
        },
      });
      workers.push(worker);
      const failed = new Promise<never>((_, reject) => worker.once('error', reject));
      ready.push(
        Promise.race([
          new Promise<void>((resolve) => worker.on('message', (m: { ready?: boolean }) => m.ready && resolve())),
          failed,
        ]),
      );
      outcomes.push(
        Promise.race([
          new Promise<Outcome>((resolve) =>
            worker.on('message', (m: Outcome & { ready?: boolean }) => !m.ready && resolve(m)),
          ),
          failed,
        ]),
      );
    }
    try {
      // Release every thread at once, when all have opened their connection.
      await Promise.all(ready);
      const flag = new Int32Array(barrier);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      const results = await Promise.all(outcomes);

      expect(results.filter((r) => r.error !== undefined)).toEqual([]);
      const numbers = results.flatMap((r) => r.numbers ?? []).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: UPLOADS }, (_, i) => i + 2));
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }

    const check = await openSqliteStore(temp.dbPath);
    const stored = await check.getArticle(article?.id ?? -1);
    expect(stored?.versions.map((v) => v.number)).toEqual(Array.from({ length: UPLOADS + 1 }, (_, i) => i + 1));
    expect(new Set(stored?.versions.map((v) => v.note)).size).toBe(UPLOADS + 1);
    await check.close();
  });
});
