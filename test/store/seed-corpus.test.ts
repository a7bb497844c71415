import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/errors.js';
import { openSqliteStore, seedFromCorpus } from '../../src/store/index.js';
import { makeTempDir, type TempDir, textVersion } from './helpers.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'corpus');
const SEED_FILE = join(CORPUS, 'nk-pow-asylum', 'straits-times-afp.txt');

let temp: TempDir | undefined;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

/** A copy of corpus/ that a test may change. */
function copyCorpus(t: TempDir): string {
  const dir = join(t.dir, 'corpus');
  cpSync(CORPUS, dir, { recursive: true });
  return dir;
}

describe('seedFromCorpus', () => {
  it('loads the seed story, its two articles and one version per file, byte for byte', async () => {
    const store = await openSqliteStore(':memory:');
    const lines: string[] = [];
    const report = await seedFromCorpus(store, CORPUS, { log: (line) => lines.push(line) });
    expect(report).toEqual({ storiesAdded: 1, articlesAdded: 2, versionsAdded: 2, unchanged: 0, problems: [] });
    expect(lines).toContain('added version 1 of nk-pow-asylum/straits-times-afp from straits-times-afp.txt');
    const article = await store.getArticleBySlug('nk-pow-asylum', 'straits-times-afp');
    expect(article).toMatchObject({
      outlet: 'The Straits Times',
      agency: 'AFP',
      published: '2025-02-19',
      language: 'en',
    });
    const version = await store.getVersion(article?.id ?? -1);
    expect(version?.uploadedBy).toBe('corpus');
    expect(Buffer.from(version?.raw ?? []).equals(readFileSync(SEED_FILE))).toBe(true);
    await store.close();
  });

  it('is idempotent across restarts: a second start adds nothing', async () => {
    temp = makeTempDir();
    const first = await openSqliteStore(temp.dbPath);
    await seedFromCorpus(first, CORPUS);
    await first.close();
    const second = await openSqliteStore(temp.dbPath);
    const auditBefore = second.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(await seedFromCorpus(second, CORPUS)).toEqual({
      storiesAdded: 0,
      articlesAdded: 0,
      versionsAdded: 0,
      unchanged: 2,
      problems: [],
    });
    expect(second.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore);
    await second.close();
  });

  it('turns a changed corpus file into a new version and keeps the old one', async () => {
    temp = makeTempDir();
    const corpus = copyCorpus(temp);
    const file = join(corpus, 'nk-pow-asylum', 'straits-times-afp.txt');
    const store = await openSqliteStore(temp.dbPath);
    await seedFromCorpus(store, corpus);
    const original = readFileSync(file);
    writeFileSync(file, `${original.toString('utf8')}\nAn added closing sentence from the outlet.\n`);
    const report = await seedFromCorpus(store, corpus);
    expect(report).toMatchObject({ versionsAdded: 1, unchanged: 1 });
    const article = await store.getArticleBySlug('nk-pow-asylum', 'straits-times-afp');
    expect(article?.versions.map((v) => [v.number, v.uploadedBy, v.note])).toEqual([
      [1, 'corpus', 'Loaded from straits-times-afp.txt'],
      [2, 'corpus', 'straits-times-afp.txt changed'],
    ]);
    expect(Buffer.from((await store.getVersion(article?.id ?? -1, 1))?.raw ?? []).equals(original)).toBe(true);
    expect(await seedFromCorpus(store, corpus)).toMatchObject({ versionsAdded: 0, unchanged: 2 });
    await store.close();
  });

  it('does not re-add an unchanged seed file after an editor uploaded a newer version', async () => {
    const store = await openSqliteStore(':memory:');
    await seedFromCorpus(store, CORPUS);
    const article = await store.getArticleBySlug('nk-pow-asylum', 'straits-times-afp');
    await store.addVersion(textVersion(article?.id ?? -1, 'An editor’s newer version of the article.'));
    expect(await seedFromCorpus(store, CORPUS)).toMatchObject({ versionsAdded: 0, unchanged: 2 });
    expect((await store.getVersion(article?.id ?? -1))?.number).toBe(2);
    await store.close();
  });

  it('reports a broken story folder and still loads the others', async () => {
    temp = makeTempDir();
    const corpus = copyCorpus(temp);
    mkdirSync(join(corpus, 'broken'));
    writeFileSync(join(corpus, 'broken', 'story.json'), '{ "slug": "broken", ');
    mkdirSync(join(corpus, 'escape'));
    writeFileSync(
      join(corpus, 'escape', 'story.json'),
      JSON.stringify({
        slug: 'escape',
        title: 'Escape',
        articles: [{ slug: 'a', file: '../../secret.txt', outlet: 'A' }],
      }),
    );
    const store = await openSqliteStore(':memory:');
    const report = await seedFromCorpus(store, corpus);
    expect(report.versionsAdded).toBe(2);
    expect(report.problems).toHaveLength(2);
    expect(report.problems[0]).toMatch(/broken: .*story\.json: not valid JSON/);
    expect(report.problems[1]).toMatch(/"file" must be a file name in the story's folder/);
    expect(await store.getStory('escape')).toBeNull();
    await store.close();
  });

  it("reports a missing article file and loads the story's other articles", async () => {
    temp = makeTempDir();
    const corpus = copyCorpus(temp);
    const manifest = JSON.parse(readFileSync(join(corpus, 'nk-pow-asylum', 'story.json'), 'utf8'));
    manifest.articles[0].file = 'missing.txt';
    writeFileSync(join(corpus, 'nk-pow-asylum', 'story.json'), JSON.stringify(manifest));
    const store = await openSqliteStore(':memory:');
    const report = await seedFromCorpus(store, corpus);
    expect(report).toMatchObject({ articlesAdded: 1, versionsAdded: 1 });
    expect(report.problems).toEqual([
      expect.stringMatching(/^nk-pow-asylum\/straits-times-afp \(missing\.txt\): ENOENT/),
    ]);
    await store.close();
  });

  it('accepts a single story folder, and refuses a folder that does not exist', async () => {
    const store = await openSqliteStore(':memory:');
    expect(await seedFromCorpus(store, join(CORPUS, 'nk-pow-asylum'))).toMatchObject({ versionsAdded: 2 });
    await expect(seedFromCorpus(store, join(CORPUS, 'no-such-folder'))).rejects.toBeInstanceOf(NotFoundError);
    await store.close();
  });
});
