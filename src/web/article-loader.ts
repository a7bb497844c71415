// A stored version as an ingested article, ingested once (in the job pool): the story pages, the API and the
// editors' history all read versions through this one cache, under one key per version and hints. The key also
// names the article for the workers, which keep its features.

import { WEB, WEB_EDITOR } from '../config.js';
import { NotFoundError } from '../errors.js';
import { INGEST_VERSION } from '../ingest/index.js';
import type { ArticleRecord, Store, VersionMeta } from '../store/types.js';
import type { Article } from '../types.js';
import { hintsFor } from './article-hints.js';
import { DerivedCache, shortHash } from './bounded-cache.js';
import type { JobRunner } from './job-pool.js';

export class ArticleLoader {
  private readonly articles: DerivedCache<Article>;

  constructor(
    private readonly store: Store,
    private readonly jobs: JobRunner,
    capacity: number = WEB.memoryCacheEntries,
  ) {
    this.articles = new DerivedCache<Article>(store, capacity);
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
      const hints = hintsFor(record, version.number, version.contentType);
      return this.jobs.run({ kind: 'ingest', raw: stored.raw, hints }, WEB_EDITOR.jobBudgetMs);
    });
  }

  /** Keeps an article ingested elsewhere (an upload's preview) as the article of the version it became. */
  remember(record: ArticleRecord, version: VersionMeta, article: Article): Promise<void> {
    return this.articles.set(this.key(record, version), article);
  }
}
