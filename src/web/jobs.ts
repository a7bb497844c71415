// The heavy work of the web layer, as jobs: ingesting an upload or a stored version, counting a story's corpus
// statistics, comparing two articles, describing the change between two versions. The web process hands them to
// the job pool (src/web/job-pool.ts), which runs them in worker threads with a time budget; `runJob` is what a
// worker calls, and what the in-process runner of the tests calls.
//
// A worker keeps the articles it has prepared (features extracted) by the key the caller gives, so the corpus
// statistics and each comparison of a story extract an article once per worker.

import {
  buildCorpusStats,
  type CorpusStats,
  compareArticles,
  type PreparedArticle,
  prepareArticle,
} from '../engine/index.js';
import { ingestArticle } from '../ingest/index.js';
import type { Article, Comparison, IngestHints } from '../types.js';
import { BoundedCache } from './bounded-cache.js';
import { describeVersionChange, type VersionChange } from './editor-version-diff.js';

/** An article with the cache key that names its inputs (ArticleLoader.key), or none for a one-off text. */
export interface KeyedArticle {
  key: string | null;
  article: Article;
}

export type JobRequest =
  | { kind: 'ingest'; raw: Uint8Array | string; hints: IngestHints }
  | { kind: 'corpus-stats'; articles: KeyedArticle[] }
  | { kind: 'compare'; left: KeyedArticle; right: KeyedArticle; corpus: CorpusStats | 'pair' }
  | { kind: 'version-change'; prev: KeyedArticle; next: KeyedArticle }
  /** Test only: a job that never ends, to show that the budget stops it. */
  | { kind: 'spin' };

export type JobResult<R extends JobRequest> = R extends { kind: 'ingest' }
  ? Article
  : R extends { kind: 'corpus-stats' }
    ? CorpusStats
    : R extends { kind: 'compare' }
      ? Comparison
      : R extends { kind: 'version-change' }
        ? VersionChange
        : never;

/** Prepared articles kept per thread. Entries. */
const PREPARED_ENTRIES = 200;
const prepared = new BoundedCache<PreparedArticle>(PREPARED_ENTRIES);

function prepare({ key, article }: KeyedArticle): PreparedArticle {
  if (key === null) return prepareArticle(article);
  let hit = prepared.get(key);
  if (hit === undefined) {
    hit = prepareArticle(article);
    prepared.set(key, hit);
  }
  return hit;
}

/** Runs one job in this thread. InputError for input that is not an article, as the ingest throws it. */
export function runJob<R extends JobRequest>(request: R): JobResult<R> {
  return run(request) as JobResult<R>;
}

function run(request: JobRequest): Article | CorpusStats | Comparison | VersionChange {
  switch (request.kind) {
    case 'ingest':
      return ingestArticle({ raw: request.raw, hints: request.hints });
    case 'corpus-stats':
      return buildCorpusStats(request.articles.map(prepare));
    case 'compare': {
      const left = prepare(request.left);
      const right = prepare(request.right);
      return compareArticles(left, right, {
        corpus: request.corpus === 'pair' ? buildCorpusStats([left, right]) : request.corpus,
      });
    }
    case 'version-change': {
      // IDF from the two versions only (see src/web/editor-versions.ts).
      const prev = prepare(request.prev);
      const next = prepare(request.next);
      const comparison = compareArticles(prev, next, { corpus: buildCorpusStats([prev, next]) });
      return describeVersionChange(prev.article, next.article, comparison);
    }
    case 'spin':
      for (;;) {
        // Never returns: the pool must stop it at its budget.
      }
  }
}
