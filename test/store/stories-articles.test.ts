import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../../src/errors.js';
import { preparedOnce } from '../../src/store/db.js';
import { getDerived, putDerived } from '../../src/store/derived.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/index.js';
import { textVersion } from './helpers.js';

let store: SqliteStore;
beforeEach(async () => {
  store = await openSqliteStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof InputError) return error.code;
  if (error instanceof NotFoundError) return 'not-found';
  throw new Error(`expected an input error, got ${String(error)}`);
}

describe('stories', () => {
  it('creates a story with a URL key and lists it with its articles and their versions', async () => {
    const story = await store.createStory({ slug: 'nk-pow-asylum', title: '  Captured soldier  ' }, 'mina');
    expect(story).toMatchObject({ slug: 'nk-pow-asylum', title: 'Captured soldier' });
    const a = await store.createArticle({ storyId: story.id, slug: 'outlet-a', outlet: 'Outlet A' }, 'mina');
    await store.createArticle({ storyId: story.id, slug: 'outlet-b', outlet: 'Outlet B' }, 'mina');
    await store.addVersion(textVersion(a.id, 'One.'));
    await store.addVersion(textVersion(a.id, 'Two.'));
    const [listed] = await store.listStories();
    expect(listed?.articles.map((x) => [x.slug, x.versions.map((v) => v.number)])).toEqual([
      ['outlet-a', [1, 2]],
      ['outlet-b', []],
    ]);
    expect((await store.getStory('nk-pow-asylum'))?.articles).toEqual(listed?.articles);
    expect(await store.getStory('missing')).toBeNull();
  });

  it('refuses a bad or duplicate key and an empty title', async () => {
    await store.createStory({ slug: 'taken', title: 'T' }, 'mina');
    expect(await codeOf(store.createStory({ slug: 'taken', title: 'T' }, 'mina'))).toBe('duplicate');
    expect(await codeOf(store.createStory({ slug: 'Has Spaces', title: 'T' }, 'mina'))).toBe('bad-field');
    expect(await codeOf(store.createStory({ slug: 'ok', title: '   ' }, 'mina'))).toBe('bad-field');
    expect(await store.listStories()).toHaveLength(1);
  });
});

describe('articles', () => {
  it('creates an article with its first version in one transaction, or neither', async () => {
    const story = await store.createStory({ slug: 's', title: 'S' }, 'mina');
    const { articleId: _, ...first } = textVersion(0, 'First words.');
    const made = await store.createArticle({ storyId: story.id, slug: 'outlet-a', outlet: 'Outlet A' }, 'mina', first);
    expect(made.versions.map((v) => [v.number, v.uploadedBy])).toEqual([[1, 'alice']]);

    const refused = { ...first, raw: new Uint8Array(0) };
    const code = await codeOf(
      store.createArticle({ storyId: story.id, slug: 'outlet-b', outlet: 'Outlet B' }, 'mina', refused),
    );
    expect(code).toBe('empty');
    expect(await store.getArticleBySlug('s', 'outlet-b')).toBeNull();
    expect((await store.listAudit(10)).filter((e) => e.action === 'article.create')).toHaveLength(1);
  });

  it('checks every field: unknown story, duplicate key, javascript: URL, impossible date, language tag', async () => {
    const story = await store.createStory({ slug: 's', title: 'S' }, 'mina');
    const base = { storyId: story.id, slug: 'a', outlet: 'Outlet' };
    await store.createArticle(base, 'mina');
    expect(await codeOf(store.createArticle({ ...base, storyId: 99, slug: 'b' }, 'mina'))).toBe('not-found');
    expect(await codeOf(store.createArticle(base, 'mina'))).toBe('duplicate');
    expect(await codeOf(store.createArticle({ ...base, slug: 'b', url: 'javascript:alert(1)' }, 'mina'))).toBe(
      'bad-field',
    );
    expect(await codeOf(store.createArticle({ ...base, slug: 'b', published: '2025-02-30' }, 'mina'))).toBe(
      'bad-field',
    );
    expect(await codeOf(store.createArticle({ ...base, slug: 'b', language: 'English' }, 'mina'))).toBe('bad-field');
    expect(await codeOf(store.createArticle({ ...base, slug: 'b', outlet: '' }, 'mina'))).toBe('bad-field');
    const full = await store.createArticle(
      { ...base, slug: 'b', url: 'https://example.org/a', published: '2025-02-19', agency: '', language: 'ko' },
      'mina',
    );
    expect(full).toMatchObject({ url: 'https://example.org/a', published: '2025-02-19', agency: null, language: 'ko' });
    expect(await store.getArticleBySlug('s', 'b')).toEqual(full);
  });

  it('updates only the fields given, audits what changed, and writes nothing for a no-op', async () => {
    const story = await store.createStory({ slug: 's', title: 'S' }, 'mina');
    const article = await store.createArticle(
      { storyId: story.id, slug: 'a', outlet: 'Outlet', agency: 'AFP' },
      'mina',
    );
    const updated = await store.updateArticle(article.id, { published: '2025-02-21', agency: null }, 'jo');
    expect(updated).toMatchObject({ outlet: 'Outlet', agency: null, published: '2025-02-21' });
    const [entry] = await store.listAudit(1);
    expect(entry).toMatchObject({ actor: 'jo', action: 'article.update' });
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({ articleId: article.id, agency: null, published: '2025-02-21' });
    await store.updateArticle(article.id, { published: '2025-02-21' }, 'jo');
    expect((await store.listAudit(1))[0]?.id).toBe(entry?.id);
    await expect(store.updateArticle(999, { outlet: 'X' }, 'jo')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('audit log and derived cache', () => {
  it('lists the newest entries first, up to the limit', async () => {
    await store.createStory({ slug: 'one', title: 'One' }, 'mina');
    await store.createStory({ slug: 'two', title: 'Two' }, 'jo');
    expect((await store.listAudit(1)).map((e) => e.actor)).toEqual(['jo']);
    expect((await store.listAudit(10)).map((e) => e.action)).toEqual(['story.create', 'story.create']);
  });

  it('stores derived JSON by key and replaces it; a key with another engine version misses', async () => {
    expect(await store.getDerived('compare:engine-1:1:2')).toBeNull();
    await store.putDerived('compare:engine-1:1:2', '{"a":1}');
    await store.putDerived('compare:engine-1:1:2', '{"a":2}');
    expect(await store.getDerived('compare:engine-1:1:2')).toBe('{"a":2}');
    expect(await store.getDerived('compare:engine-2:1:2')).toBeNull();
  });

  it('keeps the cache bounded by dropping the oldest entries first', () => {
    let clock = 0;
    const ctx = { db: store.db, prepare: preparedOnce(store.db), now: () => ++clock };
    for (const key of ['a', 'b', 'c', 'd']) putDerived(ctx, key, `"${key}"`, 3);
    expect(['a', 'b', 'c', 'd'].map((key) => getDerived(ctx, key))).toEqual([null, '"b"', '"c"', '"d"']);
    putDerived(ctx, 'b', '"b2"', 3);
    putDerived(ctx, 'e', '"e"', 3);
    expect(['b', 'c', 'd', 'e'].map((key) => getDerived(ctx, key))).toEqual(['"b2"', null, '"d"', '"e"']);
  });
});

describe('prepared statements', () => {
  it('compiles each SQL text once per store, however often a page reads it', async () => {
    const db = store.db;
    const real = db.prepare.bind(db);
    const prepared: string[] = [];
    db.prepare = ((source: string) => {
      prepared.push(source);
      return real(source);
    }) as typeof db.prepare;
    try {
      const story = await store.createStory({ slug: 'prepared-once', title: 'Prepared once' }, 'test');
      for (const slug of ['a', 'b']) {
        const article = await store.createArticle({ storyId: story.id, slug, outlet: slug }, 'test');
        await store.addVersion(textVersion(article.id, `Outlet ${slug} reports one sentence.`));
      }
      await store.getStory('prepared-once');
      await store.listStories();
      expect(prepared.length).toBeGreaterThan(0);
      prepared.length = 0;
      for (let i = 0; i < 5; i++) {
        await store.getStory('prepared-once');
        await store.listStories();
      }
      expect(prepared).toEqual([]);
    } finally {
      db.prepare = real as typeof db.prepare;
    }
  });
});
