// The inputs that once froze the whole server for minutes, each sent to a real HTTP server (the app on a loopback
// port, with its pool of worker threads): each is answered (200, or 422 from the HTML limits), and a GET / sent
// right after it is answered first, because the work runs off the event loop. Order, not time, is asserted.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobPool, type JobRunner } from '../../src/web/job-pool.js';
import { testApp } from './helpers.js';

/** Text of at least `bytes` UTF-8 bytes, made of `unit` repeated. */
const repeat = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / unit.length));
const PROSE = 'the minister said that the talks would resume on Monday in Seoul with Lee and Kim present ';

const CASES: Array<{ name: string; text: string; contentType: 'text/plain' | 'text/html'; status: number }> = [
  {
    name: 'link-density walk: <div><span><a> × 60,000',
    text: repeat('<div><span><a>', 840_000),
    contentType: 'text/html',
    status: 422,
  },
  {
    name: 'markdown image opener "![" × 320 K',
    text: `The talks resume. ${repeat('![', 640_000)}`,
    contentType: 'text/plain',
    status: 200,
  },
  {
    name: "quote scanning ',\" he said ' × 13 K",
    text: `Officials spoke. ${repeat('\'," he said ', 160_000)}`,
    contentType: 'text/plain',
    status: 200,
  },
  { name: 'one sentence of 900 KB', text: `${repeat(PROSE, 900_000)}.`, contentType: 'text/plain', status: 200 },
  {
    name: '20,000 dates in one sentence',
    text: `Officials met ${Array.from({ length: 20_000 }, (_, i) => `on ${1 + (i % 28)} March 2024`).join(', ')}.`,
    contentType: 'text/plain',
    status: 200,
  },
  {
    name: '40,000 nested <b>',
    text: `<p>An article.</p>${repeat('<b>', 120_000)}`,
    contentType: 'text/html',
    status: 422,
  },
  {
    name: '100,000 empty <p>',
    text: `<article>${repeat('<p>', 300_000)}</article>`,
    contentType: 'text/html',
    status: 422,
  },
];

let server: Server;
let base: string;
let jobs: JobRunner;

beforeAll(async () => {
  const pool = createJobPool({ size: 1, maxQueue: 8, retryAfterSeconds: 5 });
  // Every job comes after 300 ms of busy work in the worker (a job that never ends, stopped at its budget), as
  // a heavy one would take: the GET / sent meanwhile must not wait for it. Run on the event loop instead, the busy
  // work would never end and this test would fail.
  jobs = {
    run: (request, budgetMs) =>
      pool
        .run({ kind: 'spin' }, 300)
        .catch(() => undefined)
        .then(() => pool.run(request, budgetMs)),
    close: () => pool.close(),
  };
  const test = await testApp({ jobs });
  server = test.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The story list's summaries, as after a start: computed once, then read from the cache.
  expect((await fetch(`${base}/`)).status).toBe(200);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await jobs.close();
});

describe('hostile inputs to POST /api/compare', { timeout: 120_000 }, () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: answered, and a GET / sent after it is answered first',
    async (_name, c) => {
      const order: string[] = [];
      const body = JSON.stringify({
        left: { text: c.text, contentType: c.contentType },
        right: { text: 'The talks resume on Monday.' },
      });
      const heavy = fetch(`${base}/api/compare`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      }).then(async (res) => {
        order.push('compare');
        return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const home = fetch(`${base}/`).then((res) => {
        order.push('home');
        return res.status;
      });
      const [answer, homeStatus] = await Promise.all([heavy, home]);
      expect(homeStatus).toBe(200);
      expect(answer.status, JSON.stringify(answer.body).slice(0, 200)).toBe(c.status);
      if (c.status === 422) expect(answer.body.error?.code).toBe('too-complex');
      expect(order).toEqual(['home', 'compare']);
    },
  );
});
