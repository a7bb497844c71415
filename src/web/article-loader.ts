// A stored version as an ingested article, ingested once: the story pages, the API and the editors' history all
// read versions through this one cache, under one key per version and hints.

import { WEB } from '../config.js';
import { type PreparedArticle, prepareArticle } from '../engine/index.js';
import { NotFoundError } from '../errors.js';
import { INGEST_VERSION, ingestArticle } from '../ingest/index.js';
import type { ArticleRecord, Store, VersionMeta } from '../store/types.js';
import type { Article } from '../types.js';
import { hintsFor } from './article-hints.js';
import { BoundedCache, DerivedCache, shortHash } from './bounded-cache.js';

export class ArticleLoader {
  private readonly articles: DerivedCache<Article>;
  /** Articles with their features, in memory only: every comparison and corpus count of a version reads these. */
  private readonly preparedArticles: BoundedCache<Promise<PreparedArticle>>;

  constructor(
    private readonly store: Store,
    capacity: number = WEB.memoryCacheEntries,
  ) {
    this.articles = new DerivedCache<Article>(store, capacity);
    this.preparedArticles = new BoundedCache(capacity);
  }

  /** The key of a version's article: it names the version, the hints the ingest gets and the ingest release. */
  key(record: ArticleRecord, version: VersionMeta): string {
    const hints = hintsFor(record, version.number, version.contentType);
    return `article:v${version.id}:${INGEST_VERSION}:${shortHash(JSON.stringify(hints))}`;
  }

  load(record: ArticleRecord, version: VersionMeta): Promise<Article> {
    return this.articles.get(this.key(record, version), async () => {
      const stored = await this.store.getVersion(record.id, version.number);
      if (stored === null) throw new NotFoundError(`Version ${version.number} of ${record.slug} is not in the store.`);
      return ingestArticle({ raw: stored.raw, hints: hintsFor(record, version.number, version.contentType) });
    });
  }

  /** The version's article with its features, extracted once for all the comparisons that need them. */
  prepared(record: ArticleRecord, version: VersionMeta): Promise<PreparedArticle> {
    const key = this.key(record, version);
    const hit = this.preparedArticles.get(key);
    if (hit !== undefined) return hit;
    const prepared = this.load(record, version).then(prepareArticle);
    this.preparedArticles.set(key, prepared);
    prepared.catch(() => this.preparedArticles.delete(key));
    return prepared;
  }

  /** Keeps an article ingested elsewhere (an upload's preview) as the article of the version it became. */
  remember(record: ArticleRecord, version: VersionMeta, article: Article): Promise<void> {
    return this.articles.set(this.key(record, version), article);
  }
}
