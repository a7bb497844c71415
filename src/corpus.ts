// Reading corpus folders: corpus/<story>/story.json names each article's outlet, agency, language and date.
// The ingest stays pure; the CLI and the store read the manifest here and pass its values on as hints.

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.js';
import type { ContentType, IngestHints } from './types.js';

/** One article of a story, as story.json describes it. */
export interface StoryArticle {
  slug: string;
  file: string;
  outlet: string;
  agency: string | null;
  language: string;
  /** ISO date, YYYY-MM-DD, as the page gives it. */
  published: string | null;
  contentType: ContentType;
  /** Where the text comes from, in words. */
  source: string;
}

/** corpus/<story>/story.json. */
export interface StoryManifest {
  slug: string;
  title: string;
  articles: StoryArticle[];
}

export const STORY_FILE = 'story.json';

/**
 * Reads `<dir>/story.json`, or returns null when the folder has none. A manifest that exists but is malformed is
 * an InputError naming the file and the field.
 */
export function loadStoryManifest(dir: string): StoryManifest | null {
  const path = join(dir, STORY_FILE);
  if (!existsSync(path)) return null;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(
      'bad-field',
      `${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return parseManifest(data, path);
}

/**
 * The hints story.json gives for one file: outlet, agency, published, language, content type and the id
 * `<story slug>/<article slug>`. An empty object when the folder has no story.json or does not list the file.
 */
export function hintsForFile(filePath: string): IngestHints {
  const manifest = loadStoryManifest(dirname(filePath));
  const name = basename(filePath);
  const article = manifest?.articles.find((a) => a.file === name);
  if (manifest === null || article === undefined) return {};
  const hints: IngestHints = {
    id: `${manifest.slug}/${article.slug}`,
    outlet: article.outlet,
    language: article.language,
    contentType: article.contentType,
  };
  if (article.agency !== null) hints.agency = article.agency;
  if (article.published !== null) hints.published = article.published;
  return hints;
}

function parseManifest(data: unknown, path: string): StoryManifest {
  const root = record(data, path);
  const articles = root.articles;
  if (!Array.isArray(articles)) throw field(path, 'articles', 'a list');
  return {
    slug: text(root, 'slug', path),
    title: text(root, 'title', path),
    articles: articles.map((entry: unknown, i) => {
      const where = `${path} articles[${i}]`;
      const a = record(entry, where);
      const contentType = a.contentType ?? 'text/plain';
      if (contentType !== 'text/plain' && contentType !== 'text/html') {
        throw field(where, 'contentType', '"text/plain" or "text/html"');
      }
      const published = optionalText(a, 'published', where);
      if (published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(published))
        throw field(where, 'published', 'a YYYY-MM-DD date');
      return {
        slug: text(a, 'slug', where),
        file: text(a, 'file', where),
        outlet: text(a, 'outlet', where),
        agency: optionalText(a, 'agency', where),
        language: optionalText(a, 'language', where) ?? 'en',
        published,
        contentType,
        source: optionalText(a, 'source', where) ?? '',
      };
    }),
  };
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('bad-field', `${where}: expected an object`);
  }
  return value as Record<string, unknown>;
}

function text(obj: Record<string, unknown>, key: string, where: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.trim() === '') throw field(where, key, 'a non-empty string');
  return value;
}

function optionalText(obj: Record<string, unknown>, key: string, where: string): string | null {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw field(where, key, 'a string');
  return value;
}

function field(where: string, key: string, expected: string): InputError {
  return new InputError('bad-field', `${where}: "${key}" must be ${expected}`);
}
