// The job pool: ingest and comparisons in worker threads with a time budget. A job past its budget is stopped
// (its worker terminated and replaced), a full queue is refused at once, and the pages that need no job answer
// while every worker is busy. Order, never wall-clock thresholds, is what these tests assert.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { createJobPool, inlineRunner, type JobRunner, JobTimeoutError, PoolBusyError } from '../../src/web/job-pool.js';
import { CORPUS_DIR, testApp } from './helpers.js';

const SEED = readFileSync(join(CORPUS_DIR, 'nk-pow-asylum/straits-times-afp.txt'), 'utf8');
const pools: JobRunner[] = [];
function pool(size = 1, maxQueue = 4): JobRunner {
  const made = createJobPool({ size, maxQueue, retryAfterSeconds: 7 });
  pools.push(made);
  return made;
}
afterEach(async () => {
  for (const made of pools.splice(0)) await made.close();
});

describe('the job pool', { timeout: 60_000 }, () => {
  it('runs a job in a worker with the result the same job gives in this thread', async () => {
    const job = { kind: 'ingest' as const, raw: SEED, hints: { id: 'seed', published: '2025-02-19' } };
    expect(await pool().run(job, 20_000)).toEqual(await inlineRunner().run(job, 20_000));
  });

  it('gives back an input error from a worker with its code', async () => {
    const refused = pool().run({ kind: 'ingest', raw: '   ', hints: {} }, 20_000);
    await expect(refused).rejects.toBeInstanceOf(InputError);
    await expect(refused).rejects.toMatchObject({ code: 'empty' });
  });

  it('stops a job that never ends at its budget, and the next job gets a fresh worker', async () => {
    const jobs = pool(1);
    const order: string[] = [];
    const spin = jobs.run({ kind: 'spin' }, 500).catch((error: unknown) => {
      order.push(error instanceof JobTimeoutError ? 'spin stopped' : 'spin failed otherwise');
    });
    const next = jobs.run({ kind: 'ingest', raw: SEED, hints: {} }, 20_000).then((article) => {
      order.push(`next ingested ${article.sentences.length} sentences`);
    });
    await Promise.all([spin, next]);
    expect(order).toEqual(['spin stopped', expect.stringMatching(/^next ingested \d+ sentences$/)]);
  });

  it('refuses a job at once when every worker is busy and the queue is full', async () => {
    const jobs = pool(1, 1);
    const running = jobs.run({ kind: 'spin' }, 2_000).catch(() => 'stopped');
    const queued = jobs.run({ kind: 'spin' }, 2_000).catch(() => 'stopped');
    await expect(jobs.run({ kind: 'ingest', raw: SEED, hints: {} }, 2_000)).rejects.toBeInstanceOf(PoolBusyError);
    await jobs.close();
    expect(await Promise.all([running, queued])).toEqual(['stopped', 'stopped']);
  });
});

describe('pages while every worker is busy', { timeout: 60_000 }, () => {
  it('answers the story list and a computed story page before a job in flight ends', async () => {
    const jobs = pool(1);
    const test = await testApp({ jobs });
    // The story's comparison is computed once (as after a save or a start); then the worker is kept busy.
    await request(test.app).get('/stories/nk-pow-asylum').expect(200);
    const order: string[] = [];
    const spin = jobs.run({ kind: 'spin' }, 3_000).catch(() => order.push('job stopped'));
    const home = request(test.app)
      .get('/')
      .then((res) => order.push(`home ${res.status}`));
    const story = request(test.app)
      .get('/stories/nk-pow-asylum')
      .then((res) => order.push(`story ${res.status}`));
    await Promise.all([spin, home, story]);
    expect(order.indexOf('job stopped')).toBe(2);
    expect(order.slice(0, 2).sort()).toEqual(['home 200', 'story 200']);
  });

  it('answers 422 for a comparison stopped at its budget, and 503 with Retry-After when the queue is full', async () => {
    const jobs = pool(1, 4);
    // Every job of this app is one that never ends, stopped at 200 ms.
    const stopping: JobRunner = { run: () => jobs.run({ kind: 'spin' }, 200) as never, close: async () => {} };
    const body = { left: { text: 'Seoul said 80 per cent agreed.' }, right: { text: 'Seoul said 80 percent agreed.' } };
    const slow = await request((await testApp({ jobs: stopping })).app)
      .post('/api/compare')
      .send(body);
    expect(slow.status).toBe(422);
    expect(slow.body.error.code).toBe('too-complex');
    const busy: JobRunner = { run: async () => Promise.reject(new PoolBusyError(7)), close: async () => {} };
    const refused = await request((await testApp({ jobs: busy })).app)
      .post('/api/compare')
      .send(body);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('7');
    expect(refused.body.error.code).toBe('busy');
  });
});
