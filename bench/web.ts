// Web benchmark: the app in this process on a loopback port, autocannon against a static stylesheet
// (the baseline: no session, no store, no template), the seed story page and the compare API.
// Goal (issue 4): the story page at least half the baseline's throughput, its p99 under 50 ms.
// Run alone with `npx tsx bench/web.ts`, or as part of `npm run bench`.

import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, openSqliteStore, seedFromCorpus } from './built.js';

/** Seconds per target: long enough for a stable average on a noisy shared machine. */
const DURATION_SECONDS = 10;
/** Concurrent connections: a classroom of students opening the story at once. */
const CONNECTIONS = 10;
/** Milliseconds: the story page's p99 goal. */
const P99_GOAL_MS = 50;
/** Load-generator threads: autocannon runs beside the server, not on its event loop, so the server's
 * throughput is what is measured (the app itself stays in this process, on the main thread). */
const WORKERS = 1;
/** Share of the static baseline's requests/s the story page should reach. */
const THROUGHPUT_GOAL = 0.5;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STORY = 'nk-pow-asylum';

const TARGETS = [
  { name: 'static CSS (baseline)', path: '/public/css/app.css' },
  { name: 'story page', path: `/stories/${STORY}` },
  { name: 'compare API', path: `/api/stories/${STORY}/compare` },
] as const;

export interface WebBenchTarget {
  name: string;
  path: string;
  requestsPerSecond: number;
  p99Ms: number;
  /** requests/s divided by the static baseline's. */
  ratioToStatic: number;
  errors: number;
  non2xx: number;
}

export interface WebBenchResult {
  durationSeconds: number;
  connections: number;
  targets: WebBenchTarget[];
  storyMeetsThroughputGoal: boolean;
  storyMeetsP99Goal: boolean;
}

// autocannon ships no types; this is the part of its result we read.
interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number };
  errors: number;
  non2xx: number;
}
type Autocannon = (
  options: { url: string; connections: number; duration: number; workers: number },
  done: (error: Error | null, result: AutocannonResult) => void,
) => unknown;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function load(url: string): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS, workers: WORKERS }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

export async function runWebBench(): Promise<WebBenchResult> {
  const store = await openSqliteStore(':memory:');
  await seedFromCorpus(store, path.join(ROOT, 'corpus'));
  const app = createApp({
    store,
    mode: 'production',
    secret: randomBytes(32).toString('hex'),
    secureCookies: false,
    trustProxy: false,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    // The first view computes and caches the comparison; the benchmark measures the views after it.
    for (const target of TARGETS) {
      const res = await fetch(base + target.path);
      if (!res.ok) throw new Error(`${target.path} answered ${res.status}; the benchmark needs 200`);
      await res.arrayBuffer();
    }
    const measured: Omit<WebBenchTarget, 'ratioToStatic'>[] = [];
    for (const target of TARGETS) {
      const result = await load(base + target.path);
      measured.push({
        name: target.name,
        path: target.path,
        requestsPerSecond: result.requests.average,
        p99Ms: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
      });
    }
    const baseline = measured[0]?.requestsPerSecond ?? 0;
    const targets = measured.map((m) => ({
      ...m,
      ratioToStatic: baseline > 0 ? m.requestsPerSecond / baseline : 0,
    }));
    const story = targets[1];
    const result: WebBenchResult = {
      durationSeconds: DURATION_SECONDS,
      connections: CONNECTIONS,
      targets,
      storyMeetsThroughputGoal: story !== undefined && story.ratioToStatic >= THROUGHPUT_GOAL,
      storyMeetsP99Goal: story !== undefined && story.p99Ms < P99_GOAL_MS,
    };
    printReport(result);
    return result;
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
  }
}

function printReport(result: WebBenchResult): void {
  const lines = [
    `web bench: ${result.durationSeconds} s × ${result.connections} connections per target; app on this process's main thread, autocannon in a worker`,
    ...result.targets.map(
      (t) =>
        `  ${t.name.padEnd(22)} ${t.path.padEnd(36)} ${t.requestsPerSecond.toFixed(0).padStart(7)} req/s  ` +
        `p99 ${String(t.p99Ms).padStart(4)} ms  ×${t.ratioToStatic.toFixed(2)} of static` +
        (t.errors + t.non2xx > 0 ? `  (${t.errors} errors, ${t.non2xx} non-2xx)` : ''),
    ),
    `  story page ≥ ${THROUGHPUT_GOAL} × static: ${result.storyMeetsThroughputGoal ? 'yes' : 'NO'}; ` +
      `p99 < ${P99_GOAL_MS} ms: ${result.storyMeetsP99Goal ? 'yes' : 'NO'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runWebBench();
}
