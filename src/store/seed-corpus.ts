// Loading a folder laid out like corpus/ into the store: corpus/<story>/story.json lists the story and its
// articles, each with a raw file beside it. Idempotent: a file whose bytes equal the last version loaded
// from it adds nothing, and a changed file becomes a new version (never a replacement).

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { InputError, NotFoundError } from '../errors.js';
import type { ContentType } from '../types.js';
import { normalizedSha256 } from './normalized-hash.js';
import type { ArticleRecord, Store, StoryRecord } from './types.js';
import { sha256Hex } from './versions.js';

export interface SeedOptions {
  /** Receives one line per change and per problem (the server passes stderr, the CLI stdout). */
  log?: (line: string) => void;
  /** Uploader and audit actor of what is loaded; "corpus" unless the CLI imports another folder. */
  actor?: string;
}

export interface SeedReport {
  storiesAdded: number;
  articlesAdded: number;
  versionsAdded: number;
  /** Files whose text is already the latest version of their article. */
  unchanged: number;
  /** One line per story folder or file that could not be loaded; the rest is loaded regardless. */
  problems: string[];
}

export interface StoryManifest {
  slug: string;
  title: string;
  articles: ArticleManifest[];
}

export interface ArticleManifest {
  slug: string;
  /** A file name in the story's folder. */
  file: string;
  outlet: string;
  agency: string | null;
  url: string | null;
  published: string | null;
  language: string;
  contentType: ContentType;
  source: string | null;
}

/**
 * Loads every story folder under `corpusDir` (or `corpusDir` itself when it holds a story.json).
 * Throws NotFoundError when `corpusDir` does not exist; problems inside it are reported, not thrown.
 */
export async function seedFromCorpus(store: Store, corpusDir: string, opts: SeedOptions = {}): Promise<SeedReport> {
  const log = opts.log ?? (() => {});
  const actor = opts.actor ?? 'corpus';
  const report: SeedReport = { storiesAdded: 0, articlesAdded: 0, versionsAdded: 0, unchanged: 0, problems: [] };
  for (const dir of await storyFolders(corpusDir)) {
    try {
      await seedStory(store, dir, actor, report, log);
    } catch (error) {
      if (!(error instanceof InputError || error instanceof NotFoundError || isFsError(error))) throw error;
      const line = `${dir}: ${error.message}`;
      report.problems.push(line);
      log(`problem: ${line}`);
    }
  }
  return report;
}

async function storyFolders(corpusDir: string): Promise<string[]> {
  const info = await stat(corpusDir).catch(() => null);
  if (info === null || !info.isDirectory()) throw new NotFoundError(`There is no folder "${corpusDir}".`);
  if (await exists(join(corpusDir, 'story.json'))) return [corpusDir];
  const entries = await readdir(corpusDir, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(corpusDir, e.name));
  const withManifest: string[] = [];
  for (const dir of dirs.sort()) {
    if (await exists(join(dir, 'story.json'))) withManifest.push(dir);
  }
  return withManifest;
}

async function seedStory(
  store: Store,
  dir: string,
  actor: string,
  report: SeedReport,
  log: (line: string) => void,
): Promise<void> {
  const manifest = parseStoryManifest(await readFile(join(dir, 'story.json'), 'utf8'), join(dir, 'story.json'));
  let story: StoryRecord | null = await store.getStory(manifest.slug);
  if (story === null) {
    story = await store.createStory({ slug: manifest.slug, title: manifest.title }, actor);
    report.storiesAdded++;
    log(`added story ${story.slug}`);
  }
  for (const entry of manifest.articles) {
    const where = `${manifest.slug}/${entry.slug}`;
    try {
      const raw = new Uint8Array(await readFile(join(dir, entry.file)));
      let article = await store.getArticleBySlug(manifest.slug, entry.slug);
      if (article === null) {
        article = await store.createArticle(
          {
            storyId: story.id,
            slug: entry.slug,
            outlet: entry.outlet,
            agency: entry.agency,
            url: entry.url,
            published: entry.published,
            language: entry.language,
            sourceNote: entry.source,
          },
          actor,
        );
        report.articlesAdded++;
        log(`added article ${where}`);
      }
      await seedVersion(store, article, raw, entry, actor, report, log);
    } catch (error) {
      if (!(error instanceof InputError || error instanceof NotFoundError || isFsError(error))) throw error;
      const line = `${where} (${entry.file}): ${error.message}`;
      report.problems.push(line);
      log(`problem: ${line}`);
    }
  }
}

async function seedVersion(
  store: Store,
  article: ArticleRecord,
  raw: Uint8Array,
  entry: ArticleManifest,
  actor: string,
  report: SeedReport,
  log: (line: string) => void,
): Promise<void> {
  // Compared with the last version loaded from this folder, not the latest overall: a newer version an
  // editor uploaded must not make the unchanged seed file look new on every start.
  const lastSeeded = article.versions.filter((v) => v.uploadedBy === actor).at(-1);
  if (lastSeeded !== undefined && lastSeeded.sha256 === sha256Hex(raw)) {
    report.unchanged++;
    return;
  }
  try {
    const version = await store.addVersion({
      articleId: article.id,
      raw,
      contentType: entry.contentType,
      normalizedSha256: normalizedSha256(raw, entry.contentType),
      uploadedBy: actor,
      note: lastSeeded === undefined ? `Loaded from ${entry.file}` : `${entry.file} changed`,
    });
    report.versionsAdded++;
    log(`added version ${version.number} of ${article.storySlug}/${article.slug} from ${entry.file}`);
  } catch (error) {
    if (!(error instanceof InputError && error.code === 'duplicate')) throw error;
    report.unchanged++;
  }
}

/** Parses and checks a story.json; `where` names the file in error messages. */
export function parseStoryManifest(json: string, where: string): StoryManifest {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new InputError('bad-field', `${where} is not valid JSON (${(error as Error).message}).`);
  }
  const story = asObject(data, where);
  const articles = story.articles;
  if (!Array.isArray(articles) || articles.length === 0) {
    throw new InputError('bad-field', `${where}: "articles" must be a non-empty list.`);
  }
  return {
    slug: requiredString(story, 'slug', where),
    title: requiredString(story, 'title', where),
    articles: articles.map((item: unknown, index) => parseArticle(item, `${where}: articles[${index}]`)),
  };
}

function parseArticle(item: unknown, where: string): ArticleManifest {
  const entry = asObject(item, where);
  const file = requiredString(entry, 'file', where);
  // Only a file beside story.json: "../../etc/passwd" in a manifest must not be read.
  if (basename(file) !== file || file.startsWith('.')) {
    throw new InputError('bad-field', `${where}: "file" must be a file name in the story's folder, not "${file}".`);
  }
  const declared = optionalString(entry, 'contentType', where);
  if (declared !== null && declared !== 'text/plain' && declared !== 'text/html') {
    throw new InputError('unsupported-type', `${where}: contentType "${declared}" is not text/plain or text/html.`);
  }
  const byExtension: ContentType = ['.html', '.htm'].includes(extname(file).toLowerCase()) ? 'text/html' : 'text/plain';
  return {
    slug: requiredString(entry, 'slug', where),
    file,
    outlet: requiredString(entry, 'outlet', where),
    agency: optionalString(entry, 'agency', where),
    url: optionalString(entry, 'url', where),
    published: optionalString(entry, 'published', where),
    language: optionalString(entry, 'language', where) ?? 'en',
    contentType: declared ?? byExtension,
    source: optionalString(entry, 'source', where),
  };
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('bad-field', `${where} must be a JSON object.`);
  }
  return value as Record<string, unknown>;
}

function requiredString(object: Record<string, unknown>, key: string, where: string): string {
  const value = object[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError('bad-field', `${where}: "${key}" must be a non-empty string.`);
  }
  return value;
}

function optionalString(object: Record<string, unknown>, key: string, where: string): string | null {
  const value = object[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InputError('bad-field', `${where}: "${key}" must be a string.`);
  return value;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
