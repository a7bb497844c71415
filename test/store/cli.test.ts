// The import and editor commands, run in-process against a temporary PARALLAX_DB.

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as runEditor } from '../../src/cli/editor.js';
import { run as runImport } from '../../src/cli/import.js';
import { openSqliteStore, resolveDbPath, resolvePort, setupLink } from '../../src/store/index.js';
import { makeTempDir, type TempDir } from './helpers.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'corpus');

let temp: TempDir;
let out: string;
let err: string;
beforeEach(() => {
  temp = makeTempDir();
  vi.stubEnv('PARALLAX_DB', temp.dbPath);
  vi.stubEnv('PORT', '4123');
  vi.stubEnv('PARALLAX_PUBLIC_URL', '');
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  temp.remove();
});

describe('npm run import', () => {
  it('imports a corpus folder, reports what it added, and adds nothing the second time', async () => {
    expect(await runImport([CORPUS])).toBe(0);
    expect(out).toContain(
      `Imported ${CORPUS} into ${temp.dbPath}: added 1 story, 2 articles, 2 versions; 0 files unchanged.`,
    );
    out = '';
    expect(await runImport([CORPUS])).toBe(0);
    expect(out).toContain('added 0 stories, 0 articles, 0 versions; 2 files unchanged.');
    const store = await openSqliteStore(temp.dbPath);
    expect((await store.getVersion(1))?.uploadedBy).toBe('import');
    await store.close();
  });

  it('exits 2 without a folder and 1 for a folder that does not exist', async () => {
    expect(await runImport([])).toBe(2);
    expect(err).toContain('Usage: npm run import -- <dir>');
    expect(await runImport([join(temp.dir, 'nowhere')])).toBe(1);
    expect(err).toContain(`There is no folder "${join(temp.dir, 'nowhere')}".`);
  });
});

describe('npm run editor', () => {
  it('add prints a one-time setup link that works once; add again and reset of an unknown name fail', async () => {
    expect(await runEditor(['add', 'mina'])).toBe(0);
    const link = /http:\/\/localhost:4123\/setup\/([\w-]{43})\n/.exec(out);
    expect(link).not.toBeNull();
    const store = await openSqliteStore(temp.dbPath);
    expect(await store.redeemSetupToken(link?.[1] ?? '', 'a long enough password')).toMatchObject({ name: 'mina' });
    expect(await store.redeemSetupToken(link?.[1] ?? '', 'a long enough password')).toBeNull();
    await store.close();

    expect(await runEditor(['add', 'mina'])).toBe(1);
    expect(err).toContain(
      'there is already an editor called "mina"; to give them a new setup link run: npm run editor -- reset mina',
    );
    expect(await runEditor(['reset', 'nobody'])).toBe(1);
    expect(err).toContain('there is no editor called "nobody"');
  });

  it('reset prints a new link for an existing editor', async () => {
    await runEditor(['add', 'mina']);
    out = '';
    expect(await runEditor(['reset', 'mina'])).toBe(0);
    expect(out).toMatch(
      /set a new password for "mina" \(it works once\):\nhttp:\/\/localhost:4123\/setup\/[\w-]{43}\n/,
    );
  });

  it('explains bad arguments with the usage and exit code 2, bad names with exit code 1', async () => {
    expect(await runEditor([])).toBe(2);
    expect(await runEditor(['remove', 'mina'])).toBe(2);
    expect(err).toContain('unknown action "remove"');
    expect(await runEditor(['add'])).toBe(2);
    expect(await runEditor(['add', 'two words'])).toBe(1);
    expect(err).toContain('Editor name "two words" is not allowed');
  });
});

describe('environment', () => {
  it('resolves the database path, the port and the setup link the same way for server and CLI', () => {
    expect(resolveDbPath({})).toBe(join(process.cwd(), 'data', 'parallax.db'));
    expect(resolveDbPath({ PARALLAX_DB: ':memory:' })).toBe(':memory:');
    expect(resolveDbPath({ PARALLAX_DB: '/srv/p.db' })).toBe('/srv/p.db');
    expect(resolvePort({})).toBe(3000);
    expect(resolvePort({ PORT: '8080' })).toBe(8080);
    expect(resolvePort({ PORT: 'eighty' })).toBeNull();
    expect(setupLink({}, 'abc')).toBe('http://localhost:3000/setup/abc');
    expect(setupLink({ PARALLAX_PUBLIC_URL: 'https://parallax.example.org/' }, 'abc')).toBe(
      'https://parallax.example.org/setup/abc',
    );
  });
});
