// Stories and the articles in them (one outlet's article in a story). Articles carry their version list
// (metadata only, ascending by number) because every page that shows an article also shows its history.

import { bug, InputError, NotFoundError } from '../errors.js';
import { appendAudit } from './audit.js';
import { isoTime, type StoreContext } from './db.js';
import type {
  ArticleRecord,
  NewArticle,
  NewStory,
  NewVersion,
  StoryRecord,
  StorySummary,
  VersionMeta,
} from './types.js';
import { type ArticleFields, checkArticleFields, checkLine, checkSlug } from './validate.js';
import { addVersion, listStoryVersionMetas, listVersionMetas } from './versions.js';

/** Characters. A source note is a paragraph describing where the text came from. */
/** BCP 47 primary tags and simple region forms: "en", "ko", "en-GB". */

interface StoryRow {
  id: number;
  slug: string;
  title: string;
  created_at: string;
}

interface ArticleRow {
  id: number;
  story_id: number;
  story_slug: string;
  slug: string;
  outlet: string;
  agency: string | null;
  url: string | null;
  published: string | null;
  language: string;
  source_note: string | null;
  created_at: string;
}

const ARTICLE_SELECT = `SELECT a.id, a.story_id, s.slug AS story_slug, a.slug, a.outlet, a.agency, a.url, a.published,
  a.language, a.source_note, a.created_at FROM articles a JOIN stories s ON s.id = a.story_id`;

export function listStories(ctx: StoreContext): StorySummary[] {
  const stories = ctx.prepare<[], StoryRow>('SELECT id, slug, title, created_at FROM stories ORDER BY id').all();
  const articles = ctx.prepare<[], ArticleRow>(`${ARTICLE_SELECT} ORDER BY a.id`).all();
  const versions = groupVersions(listVersionMetas(ctx, null));
  return stories.map((story) => ({
    ...toStory(story),
    articles: articles.filter((a) => a.story_id === story.id).map((a) => toArticle(a, versions.get(a.id) ?? [])),
  }));
}

export function getStory(ctx: StoreContext, slug: string): StorySummary | null {
  const story = ctx
    .prepare<[string], StoryRow>('SELECT id, slug, title, created_at FROM stories WHERE slug = ?')
    .get(slug);
  if (story === undefined) return null;
  const articles = ctx
    .prepare<[number], ArticleRow>(`${ARTICLE_SELECT} WHERE a.story_id = ? ORDER BY a.id`)
    .all(story.id);
  const versions = groupVersions(listStoryVersionMetas(ctx, story.id));
  return { ...toStory(story), articles: articles.map((a) => toArticle(a, versions.get(a.id) ?? [])) };
}

export function createStory(ctx: StoreContext, story: NewStory, actor: string): StoryRecord {
  const slug = checkSlug('Story key', story.slug);
  const title = checkLine('Story title', story.title);
  const create = ctx.db.transaction(() => {
    if (ctx.prepare('SELECT 1 FROM stories WHERE slug = ?').get(slug) !== undefined) {
      throw new InputError('duplicate', `A story with the key "${slug}" already exists.`);
    }
    const createdAt = isoTime(ctx);
    const { lastInsertRowid } = ctx
      .prepare('INSERT INTO stories (slug, title, created_at) VALUES (?, ?, ?)')
      .run(slug, title, createdAt);
    const id = Number(lastInsertRowid);
    appendAudit(ctx, actor, 'story.create', { storyId: id, slug, title });
    return { id, slug, title, createdAt };
  });
  return create.immediate();
}

export function getArticle(ctx: StoreContext, id: number): ArticleRecord | null {
  const row = ctx.prepare<[number], ArticleRow>(`${ARTICLE_SELECT} WHERE a.id = ?`).get(id);
  return row === undefined ? null : toArticle(row, listVersionMetas(ctx, row.id));
}

export function getArticleBySlug(ctx: StoreContext, storySlug: string, articleSlug: string): ArticleRecord | null {
  const row = ctx
    .prepare<[string, string], ArticleRow>(`${ARTICLE_SELECT} WHERE s.slug = ? AND a.slug = ?`)
    .get(storySlug, articleSlug);
  return row === undefined ? null : toArticle(row, listVersionMetas(ctx, row.id));
}

export function createArticle(
  ctx: StoreContext,
  article: NewArticle,
  actor: string,
  firstVersion?: Omit<NewVersion, 'articleId'>,
): ArticleRecord {
  const slug = checkSlug('Article key', article.slug);
  const fields = checkArticleFields(article);
  const outlet = checkLine('Outlet', article.outlet);
  const create = ctx.db.transaction(() => {
    if (ctx.prepare('SELECT 1 FROM stories WHERE id = ?').get(article.storyId) === undefined) {
      throw new NotFoundError(`There is no story with id ${article.storyId}.`);
    }
    if (
      ctx.prepare('SELECT 1 FROM articles WHERE story_id = ? AND slug = ?').get(article.storyId, slug) !== undefined
    ) {
      throw new InputError('duplicate', `This story already has an article with the key "${slug}".`);
    }
    const { lastInsertRowid } = ctx
      .prepare(
        `INSERT INTO articles (story_id, slug, outlet, agency, url, published, language, source_note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        article.storyId,
        slug,
        outlet,
        fields.agency ?? null,
        fields.url ?? null,
        fields.published ?? null,
        fields.language ?? 'en',
        fields.sourceNote ?? null,
        isoTime(ctx),
      );
    const id = Number(lastInsertRowid);
    appendAudit(ctx, actor, 'article.create', { articleId: id, storyId: article.storyId, slug, outlet });
    // Nested inside this transaction (a savepoint): if the version is refused, the article is not kept either.
    if (firstVersion !== undefined) addVersion(ctx, { ...firstVersion, articleId: id });
    return id;
  });
  const id = create.immediate();
  return getArticle(ctx, id) ?? missing(id);
}

export function updateArticle(ctx: StoreContext, id: number, fields: ArticleFields, actor: string): ArticleRecord {
  const checked = checkArticleFields(fields);
  if (fields.outlet !== undefined) checked.outlet = checkLine('Outlet', fields.outlet);
  const columns: Record<keyof ArticleFields, string> = {
    outlet: 'outlet',
    agency: 'agency',
    url: 'url',
    published: 'published',
    language: 'language',
    sourceNote: 'source_note',
  };
  const update = ctx.db.transaction(() => {
    const before = getArticle(ctx, id);
    if (before === null) throw new NotFoundError(`There is no article with id ${id}.`);
    const changed: Record<string, string | null> = {};
    for (const key of Object.keys(columns) as (keyof ArticleFields)[]) {
      const value = checked[key];
      if (value === undefined || value === before[key]) continue;
      ctx.prepare(`UPDATE articles SET ${columns[key]} = ? WHERE id = ?`).run(value, id);
      changed[key] = value;
    }
    if (Object.keys(changed).length > 0) {
      appendAudit(ctx, actor, 'article.update', { articleId: id, ...changed });
    }
  });
  update.immediate();
  return getArticle(ctx, id) ?? missing(id);
}

function groupVersions(versions: VersionMeta[]): Map<number, VersionMeta[]> {
  const byArticle = new Map<number, VersionMeta[]>();
  for (const version of versions) {
    const list = byArticle.get(version.articleId);
    if (list === undefined) byArticle.set(version.articleId, [version]);
    else list.push(version);
  }
  return byArticle;
}

function toStory(row: StoryRow): StoryRecord {
  return { id: row.id, slug: row.slug, title: row.title, createdAt: row.created_at };
}

function toArticle(row: ArticleRow, versions: VersionMeta[]): ArticleRecord {
  return {
    id: row.id,
    storyId: row.story_id,
    storySlug: row.story_slug,
    slug: row.slug,
    outlet: row.outlet,
    agency: row.agency,
    url: row.url,
    published: row.published,
    language: row.language,
    sourceNote: row.source_note,
    createdAt: row.created_at,
    versions,
  };
}

function missing(id: number): never {
  throw bug(`article ${id} is missing right after it was written`);
}
