import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as evalIngest } from '../../src/cli/eval-ingest.js';
import { run as ingest } from '../../src/cli/ingest.js';
import type { Article } from '../../src/types.js';
import { FIXTURE_DIR, SEED_DIR } from './helpers.js';

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const seed = (name: string) => join(SEED_DIR, name);

describe('ingest --json', () => {
  it('prints one Article per line per file and nothing else, with story.json hints', async () => {
    const code = await ingest([seed('straits-times-afp.txt'), seed('yonhap-koreadaily.txt'), '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const [st, yonhap] = lines.map((l) => JSON.parse(l) as Article);
    expect(st).toMatchObject({
      id: 'nk-pow-asylum/straits-times-afp',
      outlet: 'The Straits Times',
      agency: 'AFP',
      title: 'Seoul says it supports North Korean POWs’ right to asylum in South',
      dateline: 'SEOUL',
      published: '2025-02-19',
      language: 'en',
      version: 1,
    });
    expect(yonhap).toMatchObject({ id: 'nk-pow-asylum/yonhap-koreadaily', agency: 'Yonhap', published: '2025-02-21' });
  });

  it('prints an error object for a file that cannot be ingested, a one-line error on stderr, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '  \n');
    const code = await ingest([empty, seed('yonhap-koreadaily.txt'), '--json']);
    expect(code).toBe(1);
    const [first, second] = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toEqual({
      file: empty,
      error: { code: 'empty', message: 'The input is empty or holds only white space.' },
    });
    expect(second?.id).toBe('nk-pow-asylum/yonhap-koreadaily');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('lets --outlet and --date override story.json', async () => {
    await ingest([seed('yonhap-koreadaily.txt'), '--json', '--outlet', 'Yonhap', '--date', '2025-02-19']);
    expect(JSON.parse(stdout)).toMatchObject({ outlet: 'Yonhap', published: '2025-02-19' });
  });

  it('reads .html files as HTML', async () => {
    await ingest([join(FIXTURE_DIR, 'article.html'), '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ title: 'Library adds late opening hours', outlet: 'Town Gazette' });
  });
});

describe('ingest, human-readable', () => {
  it('prints headline, metadata, numbered sentences and removed lines', async () => {
    expect(await ingest([seed('straits-times-afp.txt')])).toBe(0);
    expect(stdout).toContain('Title:     Seoul says it supports North Korean POWs’ right to asylum in South');
    expect(stdout).toContain('Dateline:  SEOUL');
    expect(stdout).toContain('Sentences (22):');
    expect(stdout).toContain('   1  ¶0 [caption]  An official from Seoul’s Foreign Ministry');
    expect(stdout).toContain('  photo-credit         PHOTO: AFP');
  });

  it('gives a one-line error and exit code 1 for a single bad file', async () => {
    expect(await ingest(['/no/such/file.txt'])).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('parallax ingest: /no/such/file.txt: no such file (not-found)\n');
  });

  it.each([
    [[]],
    [['--date', '19-02-2025', 'a.txt']],
    [['--date', '2025-02-30', 'a.txt']],
    [['--bogus', 'a.txt']],
    [['a.txt', '--outlet']],
  ])('refuses bad arguments %j with exit code 2', async (args) => {
    expect(await ingest(args)).toBe(2);
    expect(stderr).toContain('Usage:');
  });
});

describe('eval:ingest', () => {
  it('ingests every file under a folder, skipping folder descriptions, and prints removals and a summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-eval-'));
    mkdirSync(join(dir, 'story'));
    writeFileSync(join(dir, 'README.md'), '# not an article');
    writeFileSync(join(dir, 'story', 'manifest.md'), '# not an article');
    writeFileSync(
      join(dir, 'story', 'a.txt'),
      'Headline of the story here\n\nPHOTO: AFP\n\nThe council met on Monday to vote.',
    );
    writeFileSync(join(dir, 'story', 'b.txt'), '');
    expect(await evalIngest([dir])).toBe(0);
    expect(stdout).toContain('story/a.txt  1 sentences (0 caption), 1 removed');
    expect(stdout).toContain('    - photo-credit: PHOTO: AFP');
    expect(stdout).toContain('story/b.txt  ERROR empty:');
    expect(stdout).not.toContain('README');
    expect(stdout).not.toContain('manifest');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      'Summary: 2 files, 1 ingested, 1 refused, 0 crashed; 1 sentences (0 captions), 1 removed lines',
    );
  });

  it('runs over the seed corpus', async () => {
    expect(await evalIngest([SEED_DIR])).toBe(0);
    expect(stdout).toContain('straits-times-afp.txt  22 sentences (1 caption), 6 removed');
  });

  it('refuses a missing folder with exit code 2', async () => {
    expect(await evalIngest(['/no/such/dir'])).toBe(2);
  });
});
