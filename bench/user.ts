// What users wait for (`npm run bench -- user`): a CLI comparison, a server start, the first view of a story, an
// editor's preview of a long version and of a 2 MB page. Whole commands and whole requests, medians of a few
// runs on the shared machine, all of the built code in dist/. The last line is one JSON object.
//
// Goals (issue 12): the built CLI ≤ 0.4 s wall and ≤ 8× a bare `node -e 0`; server start ≤ 0.5 s; a long version
// preview ≤ 1 s.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compareArticles,
  createJobPool,
  createUploadService,
  createVersionService,
  ingestArticle,
  openSqliteStore,
  seedFromCorpus,
  textRaw,
} from './built.js';
import { realSentences, syntheticPair } from './engine.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED_IDS = ['nk-pow-asylum/straits-times-afp', 'nk-pow-asylum/yonhap-koreadaily'];

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Seconds of wall time of a command, median of `runs` (one discarded run first, so the file cache is warm). */
function wall(command: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
    if (i > 0) times.push((performance.now() - start) / 1000);
  }
  return median(times);
}

async function getOk(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

/** Starts the built server on a fresh database; resolves with its port once it listens. */
function startServer(db: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/server.js'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', PARALLAX_DB: db, NODE_ENV: 'production', PARALLAX_SECRET: 'bench' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Seconds from spawning the server to its first 200 for `/`, and the first view of the seed story after it. */
async function serverStart(runs: number): Promise<{ startS: number; firstStoryMs: number; warmStoryMs: number }> {
  const starts: number[] = [];
  const firsts: number[] = [];
  const warms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const db = join(mkdtempSync(join(tmpdir(), 'parallax-bench-')), 'bench.db');
    const begin = performance.now();
    const { child, port } = await startServer(db);
    while (!(await getOk(`http://localhost:${port}/`))) await new Promise((resolve) => setTimeout(resolve, 5));
    starts.push((performance.now() - begin) / 1000);
    const story = `http://localhost:${port}/stories/nk-pow-asylum`;
    let at = performance.now();
    await fetch(story).then((res) => res.text());
    firsts.push(performance.now() - at);
    at = performance.now();
    await fetch(story).then((res) => res.text());
    warms.push(performance.now() - at);
    await stop(child);
  }
  return { startS: median(starts), firstStoryMs: median(firsts), warmStoryMs: median(warms) };
}

/** Milliseconds of an editor's preview (ingest, duplicate check, change from the latest version, kept pending). */
async function previews(runs: number): Promise<{ longVersionMs: number; longSentences: number; bigHtmlMs: number }> {
  const store = await openSqliteStore(':memory:');
  await seedFromCorpus(store, join(ROOT, 'corpus'));
  const token = await store.issueSetupToken('bench', 'bench', 60_000);
  const editor = await store.redeemSetupToken(token, 'a long enough password');
  const session = await store.createSession(editor?.id ?? 0, 60 * 60_000);
  // The server's pool: the preview waits for a worker as an editor's request does.
  const jobs = createJobPool({ size: 2, maxQueue: 32, retryAfterSeconds: 5 });
  const versions = createVersionService(store, jobs);
  const uploads = createUploadService(store, versions, jobs, () => {});
  const story = await store.createStory({ slug: 'long-story', title: 'A long story' }, 'bench');

  // A long article (4,300 sentences of real text) and an edited next version of it.
  const [first, second] = syntheticPair(4_300, realSentences(), 7);
  const record = await store.createArticle({ storyId: story.id, slug: 'long', outlet: 'Long Outlet' }, 'bench', {
    ...textRaw(first.text),
    uploadedBy: 'bench',
    note: null,
  });
  const longTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Each run previews a slightly different upload, so nothing of the upload itself is cached.
    const raw = new TextEncoder().encode(`${second.text}\n\nA closing line for preview number ${i}.`);
    const current = await store.getStory('long-story');
    if (current === null) throw new Error('the bench story is missing');
    const target = { kind: 'version' as const, story: current, record: current.articles[0] ?? record };
    const start = performance.now();
    await uploads.preview(target, { raw, contentType: 'text/plain', filename: null }, null, session);
    longTimes.push(performance.now() - start);
  }

  // A saved web page of about 2 MB: the article's paragraphs inside a page's markup.
  const paragraphs = first.sentences.map((s) => `<p>${s.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  let html = '<!doctype html><html><head><title>A long page</title></head><body><nav>Home | World</nav><article>';
  for (let i = 0; html.length < 2 * 1024 * 1024 - 10_000; i++) html += paragraphs[i % paragraphs.length];
  html += '</article></body></html>';
  const bigTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const raw = new TextEncoder().encode(html.replace('A long page', `A long page ${i}`));
    const current = await store.getStory('long-story');
    if (current === null) throw new Error('the bench story is missing');
    const target = {
      kind: 'article' as const,
      story: current,
      article: { storyId: story.id, slug: `page-${i}`, outlet: 'Page Outlet' },
    };
    const start = performance.now();
    await uploads.preview(target, { raw, contentType: 'text/html', filename: 'page.html' }, null, session);
    bigTimes.push(performance.now() - start);
  }
  await jobs.close();
  await store.close();
  return { longVersionMs: median(longTimes), longSentences: first.sentences.length, bigHtmlMs: median(bigTimes) };
}

/** Seconds of ingest + comparison (in this thread) of each input that once froze the server, at two sizes. */
function hostileInputs(): Record<string, [number, number]> {
  const prose = 'the minister said that the talks would resume on Monday in Seoul with Lee and Kim present ';
  const cases: Record<string, (scale: number) => string> = {
    'markdown "![" × 160 K': (k) => `The talks resume. ${'!['.repeat(160_000 * k)}`,
    "quotes ',\" he said ' × 6,700": (k) => `Officials spoke. ${'\'," he said '.repeat(6_700 * k)}`,
    'one sentence of 450 KB': (k) => `${prose.repeat(Math.ceil((450_000 * k) / prose.length))}.`,
    '10,000 dates in one sentence': (k) =>
      `Officials met ${Array.from({ length: 10_000 * k }, (_, i) => `on ${1 + (i % 28)} March 2024`).join(', ')}.`,
    '<div><span><a> × 30,000 (HTML)': (k) => '<div><span><a>'.repeat(30_000 * k),
    '20,000 nested <b> (HTML)': (k) => `<p>An article.</p>${'<b>'.repeat(20_000 * k)}`,
  };
  const other = ingestArticle({ raw: 'The talks resume on Monday.', hints: { id: 'other' } });
  const times: Record<string, [number, number]> = {};
  for (const [name, make] of Object.entries(cases)) {
    const at = (k: number): number => {
      const raw = make(k);
      const start = performance.now();
      try {
        const html = name.endsWith('(HTML)');
        compareArticles(
          ingestArticle({ raw, hints: { id: 'hostile', contentType: html ? 'text/html' : 'text/plain' } }),
          other,
        );
      } catch {
        // Refused (the HTML limits): the time to refuse is what counts.
      }
      return round((performance.now() - start) / 1000);
    };
    times[name] = [at(1), at(2)];
  }
  return times;
}

export interface UserBenchResult {
  cliS: number;
  nodeS: number;
  cliToNode: number;
  npmCompareS: number;
  serverStartS: number;
  firstStoryMs: number;
  warmStoryMs: number;
  longPreviewMs: number;
  bigHtmlPreviewMs: number;
  /** Seconds at size n and 2n of each hostile input. */
  hostile: Record<string, [number, number]>;
}

export async function runUserBench(): Promise<UserBenchResult> {
  log('== what users wait for (built code in dist/)');
  const cliS = wall(process.execPath, ['dist/cli.js', 'compare', ...SEED_IDS, '--json'], 7);
  const nodeS = wall(process.execPath, ['-e', '0'], 7);
  const npmCompareS = wall('npm', ['run', 'compare', '--', ...SEED_IDS, '--json'], 3);
  log(
    `CLI compare of the seed pair: ${round(cliS)} s wall (node -e 0: ${round(nodeS)} s, ${round(cliS / nodeS, 1)}×); npm run compare: ${round(npmCompareS)} s`,
  );
  const server = await serverStart(3);
  log(
    `server start to the first 200: ${round(server.startS)} s; first view of the seed story right after: ${round(server.firstStoryMs, 1)} ms, then ${round(server.warmStoryMs, 1)} ms`,
  );
  const preview = await previews(3);
  log(
    `editor preview of a new version of a ${preview.longSentences}-sentence article: ${round(preview.longVersionMs, 0)} ms; of a 2 MB HTML page: ${round(preview.bigHtmlMs, 0)} ms`,
  );
  const hostile = hostileInputs();
  for (const [name, [n, twice]] of Object.entries(hostile))
    log(`hostile input ${name}: ${n} s, at twice the size ${twice} s`);
  const result: UserBenchResult = {
    cliS: round(cliS),
    nodeS: round(nodeS),
    cliToNode: round(cliS / nodeS, 1),
    npmCompareS: round(npmCompareS),
    serverStartS: round(server.startS),
    firstStoryMs: round(server.firstStoryMs, 1),
    warmStoryMs: round(server.warmStoryMs, 1),
    longPreviewMs: round(preview.longVersionMs, 0),
    bigHtmlPreviewMs: round(preview.bigHtmlMs, 0),
    hostile,
  };
  log(JSON.stringify(result));
  return result;
}
