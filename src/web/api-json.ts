// The JSON the API answers with for stories and their articles (GET /api/stories, /api/stories/:slug).

import type { ArticleRecord, StorySummary } from '../store/types.js';

export interface VersionJson {
  number: number;
  contentType: string;
  byteLength: number;
  sha256: string;
  createdAt: string;
}

export interface ArticleJson {
  /** What `left`/`right` take: the article slug (append "@N" for a version). */
  id: string;
  outlet: string;
  agency: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
  versions: VersionJson[];
}

export interface StoryJson {
  slug: string;
  title: string;
  articles: ArticleJson[];
}

/** GET /api/stories/:slug. `titles` are the headlines of the latest versions, by article slug. */
export function storyJson(story: StorySummary, titles: ReadonlyMap<string, string>): StoryJson {
  return {
    slug: story.slug,
    title: story.title,
    articles: story.articles.map((a: ArticleRecord) => ({
      id: a.slug,
      outlet: a.outlet,
      agency: a.agency,
      title: titles.get(a.slug) ?? null,
      published: a.published,
      url: a.url,
      versions: a.versions.map((v) => ({
        number: v.number,
        contentType: v.contentType,
        byteLength: v.byteLength,
        sha256: v.sha256,
        createdAt: v.createdAt,
      })),
    })),
  };
}
