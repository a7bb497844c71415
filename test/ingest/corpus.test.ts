import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hintsForFile, loadStoryManifest } from '../../src/corpus.js';
import { InputError } from '../../src/errors.js';
import { SEED_DIR } from './helpers.js';

describe('loadStoryManifest', () => {
  it('reads corpus/nk-pow-asylum/story.json', () => {
    const manifest = loadStoryManifest(SEED_DIR);
    expect(manifest?.slug).toBe('nk-pow-asylum');
    expect(manifest?.articles.map((a) => [a.slug, a.file, a.agency, a.published, a.contentType])).toEqual([
      ['straits-times-afp', 'straits-times-afp.txt', 'AFP', '2025-02-19', 'text/plain'],
      ['yonhap-koreadaily', 'yonhap-koreadaily.txt', 'Yonhap', '2025-02-21', 'text/plain'],
    ]);
  });

  it('returns null for a folder without story.json', () => {
    expect(loadStoryManifest(mkdtempSync(join(tmpdir(), 'parallax-corpus-')))).toBeNull();
  });

  it.each([
    ['not JSON', '{', 'not valid JSON'],
    ['no articles', '{"slug":"s","title":"t"}', '"articles" must be a list'],
    [
      'bad date',
      '{"slug":"s","title":"t","articles":[{"slug":"a","file":"a.txt","outlet":"O","published":"19 Feb"}]}',
      '"published"',
    ],
    [
      'bad type',
      '{"slug":"s","title":"t","articles":[{"slug":"a","file":"a.txt","outlet":"O","contentType":"pdf"}]}',
      '"contentType"',
    ],
  ])('refuses a malformed manifest (%s) with an InputError naming the field', (_name, json, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-corpus-'));
    writeFileSync(join(dir, 'story.json'), json);
    expect(() => loadStoryManifest(dir)).toThrow(InputError);
    expect(() => loadStoryManifest(dir)).toThrow(message);
  });
});

describe('hintsForFile', () => {
  it('gives story.json’s hints and the id <story>/<article>', () => {
    expect(hintsForFile(join(SEED_DIR, 'straits-times-afp.txt'))).toEqual({
      id: 'nk-pow-asylum/straits-times-afp',
      outlet: 'The Straits Times',
      agency: 'AFP',
      published: '2025-02-19',
      language: 'en',
      contentType: 'text/plain',
    });
  });

  it('gives no hints for a file the manifest does not list, or a folder without one', () => {
    expect(hintsForFile(join(SEED_DIR, 'other.txt'))).toEqual({});
    expect(hintsForFile(join(tmpdir(), 'x.txt'))).toEqual({});
  });
});
