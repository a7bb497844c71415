// The real server process (`node --import tsx src/server.ts`): first start prints a one-time setup link,
// a restart neither prints one once an editor exists nor duplicates the corpus, SIGTERM closes cleanly,
// and SIGKILL in the middle of API uploads leaves a database that reopens intact with no half-written
// version and the server starting again.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, seedFromCorpus } from '../../src/store/index.js';
import { makeTempDir, type TempDir } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED_TEXT = readFileSync(join(ROOT, 'corpus', 'nk-pow-asylum', 'straits-times-afp.txt'), 'utf8');
const HOUR = 60 * 60 * 1000;

interface RunningServer {
  child: ChildProcessWithoutNullStreams;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let temp: TempDir | undefined;
const running: RunningServer[] = [];
afterEach(() => {
  for (const server of running.splice(0)) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  temp?.remove();
  temp = undefined;
});

async function startServer(dbPath: string, nodeEnv: string | null = 'test'): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, PARALLAX_DB: dbPath, PORT: '0', PARALLAX_PUBLIC_URL: '' };
  delete env.NODE_ENV;
  delete env.PARALLAX_SECRET;
  if (nodeEnv !== null) env.NODE_ENV = nodeEnv;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const listening = /listening on http:\/\/localhost:(\d+)/.exec(stdout);
      if (listening !== null) resolve(Number(listening[1]));
    });
    void exited.then(({ code }) => reject(new Error(`server exited (${code}) before listening:\n${stderr}`)));
  });
  const server = { child, port, stdout: () => stdout, stderr: () => stderr, exited };
  running.push(server);
  return server;
}

async function stopServer(server: RunningServer): Promise<number | null> {
  server.child.kill('SIGTERM');
  return (await server.exited).code;
}

function countVersions(dbPath: string): Promise<number> {
  return openSqliteStore(dbPath).then(async (store) => {
    const n = store.db.prepare('SELECT count(*) FROM versions').pluck().get() as number;
    await store.close();
    return n;
  });
}

// Spawned processes start slowly on a loaded 2-core machine: generous time limits, nothing timed is asserted.
describe('the server process', () => {
  it('runs in production mode unless NODE_ENV says otherwise: no stack trace or path on an error page, and a warning without PARALLAX_SECRET', {
    timeout: 120_000,
  }, async () => {
    temp = makeTempDir();
    const server = await startServer(temp.dbPath, null);
    expect(server.stdout().split('\n')[0]).toContain('(production)');
    const missing = await fetch(`http://localhost:${server.port}/stories/no-such-story`);
    expect(missing.status).toBe(404);
    const page = await missing.text();
    expect(page).not.toContain(ROOT);
    expect(page).not.toMatch(/\bat \S+ \(/);
    expect(server.stderr()).toContain('PARALLAX_SECRET is not set');
    expect(await stopServer(server)).toBe(0);
  });

  it('prints a setup link on first start only, loads the corpus once, and stops cleanly on SIGTERM', {
    timeout: 120_000,
  }, async () => {
    temp = makeTempDir();
    const first = await startServer(temp.dbPath);
    const home = await fetch(`http://localhost:${first.port}/`);
    expect(home.status).toBe(200);
    const link = new RegExp(`http://localhost:${first.port}/setup/([\\w-]{43})\\n`).exec(first.stdout());
    expect(link).not.toBeNull();
    expect((await fetch(`http://localhost:${first.port}/setup/${link?.[1]}`)).status).toBe(200);
    expect(await stopServer(first)).toBe(0);

    const store = await openSqliteStore(temp.dbPath);
    expect(await store.redeemSetupToken(link?.[1] ?? '', 'a long enough password', 'mina')).toMatchObject({
      name: 'mina',
    });
    await store.close();
    expect(await countVersions(temp.dbPath)).toBe(2);

    const second = await startServer(temp.dbPath);
    // The link would be printed before the first request is answered (no I/O in between).
    expect((await fetch(`http://localhost:${second.port}/`)).status).toBe(200);
    expect(await stopServer(second)).toBe(0);
    expect(second.stdout()).not.toContain('/setup/');
    expect(await countVersions(temp.dbPath)).toBe(2);
  });

  it('killed with SIGKILL during uploads, restarts with the database intact and no half-written version', {
    timeout: 120_000,
  }, async () => {
    temp = makeTempDir();
    const setup = await openSqliteStore(temp.dbPath);
    await seedFromCorpus(setup, join(ROOT, 'corpus'));
    const article = await setup.getArticleBySlug('nk-pow-asylum', 'straits-times-afp');
    const editor = await setup.redeemSetupToken(
      await setup.issueSetupToken('mina', 'test', HOUR),
      'a long enough password',
    );
    const apiToken = await setup.createApiToken(editor?.id ?? -1, 'crash test');
    await setup.close();

    const server = await startServer(temp.dbPath);
    let saved = 0;
    let round = 0;
    const upload = async (): Promise<void> => {
      while (server.child.exitCode === null && server.child.signalCode === null) {
        round++;
        // ~100 KB of real article text per upload, different each round, so the kill lands mid-request.
        const text = `Update ${round}: the outlet revised its article.\n\n${SEED_TEXT.repeat(30)}`;
        const response = await fetch(`http://localhost:${server.port}/api/articles/${article?.id}/versions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ text, contentType: 'text/plain', note: `round ${round}` }),
        }).catch(() => null);
        if (response === null) return;
        expect(response.status).toBe(201);
        saved++;
        if (saved === 3) server.child.kill('SIGKILL');
      }
    };
    await Promise.all([upload(), upload(), upload()]);
    expect((await server.exited).signal).toBe('SIGKILL');

    const store = await openSqliteStore(temp.dbPath);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    const rows = store.db
      .prepare<[number], { number: number; raw: Buffer; sha256: string; byte_length: number }>(
        'SELECT number, raw, sha256, byte_length FROM versions WHERE article_id = ? ORDER BY number',
      )
      .all(article?.id ?? -1);
    expect(rows.length).toBeGreaterThanOrEqual(1 + saved);
    expect(rows.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
    for (const row of rows) {
      expect(row.byte_length).toBe(row.raw.byteLength);
      expect(createHash('sha256').update(row.raw).digest('hex')).toBe(row.sha256);
    }
    const audited = store.db
      .prepare(
        "SELECT count(*) FROM audit_log WHERE action = 'version.add' AND json_extract(detail, '$.articleId') = ?",
      )
      .pluck()
      .get(article?.id ?? -1);
    expect(audited).toBe(rows.length);
    await store.close();

    const restarted = await startServer(temp.dbPath);
    expect((await fetch(`http://localhost:${restarted.port}/`)).status).toBe(200);
    expect(await stopServer(restarted)).toBe(0);
  });
});
