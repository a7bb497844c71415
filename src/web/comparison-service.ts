// Turns "story + two article references" into a Comparison, computing each one once.
//
// A reference is an article slug with an optional pinned version: "straits-times-afp" (latest) or
// "straits-times-afp@2". Raw versions are the truth; everything here is derived from them and cached under
// keys that name every input (version ids, the metadata hints, the corpus of the story, INGEST_VERSION and
// ENGINE_VERSION), so a new upload, an edited outlet name or a new engine release can never serve a stale result.
// Two layers: a bounded in-memory map per process (a page view costs no recomputation), then the store's
// derived-data table (a restart or a second process does not recompute either).

import { WEB, WEB_EDITOR } from '../config.js';
import { type CorpusStats, ENGINE_VERSION } from '../engine/index.js';
import { InputError, NotFoundError } from '../errors.js';
import { INGEST_VERSION } from '../ingest/index.js';
import type { ArticleRecord, Store, StorySummary, VersionMeta } from '../store/types.js';
import type { Article, Comparison, ContentType, IngestHints } from '../types.js';
import { latestVersion } from './article-hints.js';
import { ArticleLoader } from './article-loader.js';
import { BoundedCache, DerivedCache, shortHash } from './bounded-cache.js';
import type { JobRunner } from './job-pool.js';
import type { KeyedArticle } from './jobs.js';

/** An article of a story, as a query parameter names it. `version` null means the latest. */
export interface ArticleRef {
  slug: string;
  version: number | null;
}

/** A reference resolved to its record, the version used and the ingested article. */
export interface ResolvedArticle {
  record: ArticleRecord;
  version: VersionMeta;
  article: Article;
  /** True when the version is the article's newest. */
  latest: boolean;
}

export interface StoryComparison {
  /** The cache key of the comparison: it names every input, so anything derived from it can be cached under it. */
  key: string;
  story: StorySummary;
  left: ResolvedArticle;
  right: ResolvedArticle;
  comparison: Comparison;
}

/** One side of POST /api/compare after validation. */
export interface TextSide {
  text: string;
  contentType: ContentType;
  outlet: string | null;
  published: string | null;
}

export interface CompareInStoryOptions {
  /** Milliseconds the jobs of a comparison computed now may take; a visitor's budget unless said. */
  budgetMs?: number;
  /** Called, before any work, when the comparison is not cached and must be computed; it may throw to refuse. */
  beforeCompute?: () => void;
}

export interface ComparisonService {
  /** The story or NotFoundError. */
  story(slug: string): Promise<StorySummary>;
  /** The latest version of every article that has one, ingested, in the story's order. */
  latestArticles(story: StorySummary): Promise<ResolvedArticle[]>;
  /** The comparison of two articles of the story; missing references default to the story's first two articles. */
  compareInStory(
    story: StorySummary,
    left: ArticleRef | null,
    right: ArticleRef | null,
    options?: CompareInStoryOptions,
  ): Promise<StoryComparison>;
  /** A comparison of two texts sent by a client (POST /api/compare). */
  compareTexts(left: TextSide, right: TextSide): Promise<Comparison>;
  /** The stored versions as ingested articles (shared with the editors' history, so each is ingested once). */
  articles: ArticleLoader;
  /** Keeps an article just saved, ingested by the upload's preview, so that it is not ingested again. */
  rememberArticle(record: ArticleRecord, version: VersionMeta, article: Article): Promise<void>;
  /**
   * Computes the story's default comparison (the one its page and the story list show) if it is not cached yet, so
   * that no student waits for it. Failures are logged, never thrown: a story that cannot be compared still lists.
   */
  warmStory(slug: string): Promise<void>;
  /** warmStory for every story, one after the other (after start, in the background). */
  warmAll(): Promise<void>;
}

const REF_PATTERN = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:@([1-9][0-9]{0,5}))?$/;

/**
 * Reads a `left`/`right` query parameter: absent → null, "slug" or "slug@N" → a reference,
 * anything else → InputError('bad-field'). "straits-times-afp@2" → { slug: "straits-times-afp", version: 2 }.
 */
export function parseArticleRef(value: unknown, field: string): ArticleRef | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') {
    throw new InputError(
      'bad-field',
      `Give "${field}" once, as an article id such as straits-times-afp or straits-times-afp@2.`,
    );
  }
  const match = REF_PATTERN.exec(value);
  if (!match?.[1]) {
    throw new InputError(
      'bad-field',
      `"${field}" must be an article id such as straits-times-afp, optionally with a version: straits-times-afp@2.`,
    );
  }
  return { slug: match[1], version: match[2] === undefined ? null : Number(match[2]) };
}

export function createComparisonService(
  store: Store,
  jobs: JobRunner,
  log: (line: string) => void = () => {},
): ComparisonService {
  const loader = new ArticleLoader(store, jobs);
  // Promises, so that concurrent requests for the same key share one computation.
  const comparisons = new DerivedCache<Comparison>(store, WEB.memoryCacheEntries);
  const corpora = new BoundedCache<CorpusStats>(WEB.memoryCacheEntries);
  const texts = new BoundedCache<Comparison>(WEB.memoryCacheEntries);

  const articleKey = (record: ArticleRecord, version: VersionMeta): string => loader.key(record, version);
  const loadArticle = (record: ArticleRecord, version: VersionMeta): Promise<Article> => loader.load(record, version);

  async function resolve(story: StorySummary, ref: ArticleRef): Promise<ResolvedArticle> {
    const record = story.articles.find((a) => a.slug === ref.slug);
    if (!record) throw new NotFoundError(`The story "${story.slug}" has no article "${ref.slug}".`);
    const latest = latestVersion(record);
    if (latest === null) throw new NotFoundError(`The article "${ref.slug}" has no text yet.`);
    const version = ref.version === null ? latest : record.versions.find((v) => v.number === ref.version);
    if (!version) {
      throw new NotFoundError(
        `The article "${ref.slug}" has no version ${ref.version}; it has ${record.versions.length} version(s).`,
      );
    }
    const article = await loadArticle(record, version);
    return { record, version, article, latest: version.id === latest.id };
  }

  async function latestArticles(story: StorySummary): Promise<ResolvedArticle[]> {
    const withText = story.articles.filter((a) => latestVersion(a) !== null);
    return Promise.all(withText.map((a) => resolve(story, { slug: a.slug, version: null })));
  }

  /** Names the story's latest versions (and their hints): it changes whenever the corpus statistics would. */
  function corpusFingerprint(story: StorySummary): string {
    const keys: string[] = [];
    for (const record of story.articles) {
      const latest = latestVersion(record);
      if (latest !== null) keys.push(articleKey(record, latest));
    }
    return shortHash(keys.join('|'));
  }

  const keyed = (resolved: ResolvedArticle): KeyedArticle => ({
    key: articleKey(resolved.record, resolved.version),
    article: resolved.article,
  });

  /** IDF statistics from the story's latest versions: the words every outlet uses count for less. */
  async function corpusStats(story: StorySummary, fingerprint: string, budgetMs: number): Promise<CorpusStats> {
    const hit = corpora.get(fingerprint);
    if (hit) return hit;
    const latest = await latestArticles(story);
    const stats = await jobs.run({ kind: 'corpus-stats', articles: latest.map(keyed) }, budgetMs);
    corpora.set(fingerprint, stats);
    return stats;
  }

  function defaultRefs(
    story: StorySummary,
    left: ArticleRef | null,
    right: ArticleRef | null,
  ): [ArticleRef, ArticleRef] {
    const slugs = story.articles.filter((a) => latestVersion(a) !== null).map((a) => a.slug);
    const pick = (other: ArticleRef | null): ArticleRef => {
      const slug = slugs.find((s) => s !== other?.slug) ?? slugs[0];
      if (slug === undefined) throw new NotFoundError(`The story "${story.slug}" has no article with text yet.`);
      return { slug, version: null };
    };
    if (left && right) return [left, right];
    if (left) return [left, pick(left)];
    if (right) return [pick(right), right];
    const first = pick(null);
    return [first, pick(first)];
  }

  async function compareInStory(
    story: StorySummary,
    leftRef: ArticleRef | null,
    rightRef: ArticleRef | null,
    { budgetMs = WEB.visitorJobBudgetMs, beforeCompute = () => {} }: CompareInStoryOptions = {},
  ): Promise<StoryComparison> {
    const [l, r] = defaultRefs(story, leftRef, rightRef);
    const [left, right] = await Promise.all([resolve(story, l), resolve(story, r)]);
    if (left.version.id === right.version.id) {
      throw new InputError('bad-field', 'Pick two different articles, or two different versions of one article.');
    }
    const fingerprint = corpusFingerprint(story);
    const key =
      `comparison:v${left.version.id}:v${right.version.id}:${INGEST_VERSION}:${ENGINE_VERSION}:` +
      shortHash(`${articleKey(left.record, left.version)}|${articleKey(right.record, right.version)}|${fingerprint}`);
    const comparison = await comparisons.get(key, async () => {
      beforeCompute();
      const corpus = await corpusStats(story, fingerprint, budgetMs);
      return jobs.run({ kind: 'compare', left: keyed(left), right: keyed(right), corpus }, budgetMs);
    });
    return { key, story, left, right, comparison };
  }

  async function compareTexts(left: TextSide, right: TextSide): Promise<Comparison> {
    const key = shortHash(JSON.stringify([left, right]));
    const hit = texts.get(key);
    if (hit) return hit;
    const budget = WEB.visitorJobBudgetMs;
    const ingest = (side: TextSide, id: string): Promise<Article> => {
      const hints: IngestHints = { id, contentType: side.contentType };
      if (side.outlet !== null) hints.outlet = side.outlet;
      if (side.published !== null) hints.published = side.published;
      return jobs.run({ kind: 'ingest', raw: side.text, hints }, budget);
    };
    const [a, b] = await Promise.all([ingest(left, 'left'), ingest(right, 'right')]);
    const comparison = await jobs.run(
      { kind: 'compare', left: { key: null, article: a }, right: { key: null, article: b }, corpus: 'pair' },
      budget,
    );
    texts.set(key, comparison);
    return comparison;
  }

  async function warmStory(slug: string): Promise<void> {
    try {
      const story = await store.getStory(slug);
      if (story === null || story.articles.filter((a) => latestVersion(a) !== null).length < 2) return;
      await compareInStory(story, null, null, { budgetMs: WEB_EDITOR.jobBudgetMs });
    } catch (error) {
      log(
        `warning: the default comparison of ${slug} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  return {
    async story(slug) {
      const story = await store.getStory(slug);
      if (story === null) throw new NotFoundError(`There is no story "${slug}".`);
      return story;
    },
    latestArticles,
    compareInStory,
    compareTexts,
    rememberArticle: (record, version, article) => loader.remember(record, version, article),
    articles: loader,
    warmStory,
    async warmAll() {
      for (const story of await store.listStories()) {
        await warmStory(story.slug);
        // Between stories the event loop serves whatever came in meanwhile.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}
