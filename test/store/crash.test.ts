// A writer killed with SIGKILL in the middle of a version write: after reopening, the database passes
// SQLite's integrity check, every committed version is whole (its bytes hash to its recorded SHA-256),
// the numbers are contiguous, and each version has its audit entry (same transaction).

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import { makeArticle, makeTempDir, type TempDir, textVersion } from './helpers.js';

const WRITER = fileURLToPath(new URL('./fixtures/write-loop.ts', import.meta.url));
const HOLDER = fileURLToPath(new URL('./fixtures/hold-transaction.ts', import.meta.url));
/** Versions the writer must have committed before it is killed: the kill lands on a later one. */
const COMMITTED_BEFORE_KILL = 3;

let temp: TempDir | undefined;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

// Spawned processes start slowly on a loaded 2-core machine: generous time limits, nothing timed is asserted.
describe('SIGKILL in the middle of a write', () => {
  it('leaves the database intact with no half-written version', { timeout: 60_000 }, async () => {
    temp = makeTempDir();
    const setup = await openSqliteStore(temp.dbPath);
    const articleId = await makeArticle(setup);
    await setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, temp.dbPath, String(articleId)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const lastReported = await new Promise<number>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const numbers = output
          .split('\n')
          .filter((line) => line !== '')
          .map(Number);
        if (numbers.length >= COMMITTED_BEFORE_KILL) {
          // The writer is already building and inserting its next version when this line arrives.
          child.kill('SIGKILL');
          resolve(numbers.at(-1) ?? 0);
        }
      });
      child.once('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(child.signalCode).toBe('SIGKILL');

    const store = await openSqliteStore(temp.dbPath);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    const rows = store.db
      .prepare<[number], { number: number; raw: Buffer; sha256: string; byte_length: number }>(
        'SELECT number, raw, sha256, byte_length FROM versions WHERE article_id = ? ORDER BY number',
      )
      .all(articleId);
    expect(rows.length).toBeGreaterThanOrEqual(lastReported);
    expect(rows.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
    for (const row of rows) {
      expect(row.byte_length).toBe(row.raw.byteLength);
      expect(createHash('sha256').update(row.raw).digest('hex')).toBe(row.sha256);
    }
    const audited = store.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'version.add'").pluck().get();
    expect(audited).toBe(rows.length);
    await store.close();
  });

  it('a version whose transaction was open when the process died is absent, not half there', {
    timeout: 60_000,
  }, async () => {
    temp = makeTempDir();
    const setup = await openSqliteStore(temp.dbPath);
    const articleId = await makeArticle(setup);
    await setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, temp.dbPath, String(articleId)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('in-transaction\n')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`holder exited early (${code}): ${stderr}`)));
    });
    await new Promise((resolve) => child.once('exit', resolve));

    const store = await openSqliteStore(temp.dbPath);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await store.getArticle(articleId))?.versions.map((v) => v.number)).toEqual([1]);
    expect(store.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'version.add'").pluck().get()).toBe(1);
    // The next upload takes the number the dead transaction had claimed: no gap.
    expect((await store.addVersion(textVersion(articleId, 'After the crash.'))).number).toBe(2);
    await store.close();
  });
});
