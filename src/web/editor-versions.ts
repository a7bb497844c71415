// The editor's view of an article's versions: ingesting an upload the way the store's versions will be
// ingested, the change from the previous version, and the history list. Built on the comparison service,
// so history pages share its caches (memory, then the store's derived-data table).

import { buildCorpusStats, compareArticles } from '../engine/index.js';
import { InputError, NotFoundError } from '../errors.js';
import { ingestArticle } from '../ingest/index.js';
import { normalizedSha256 } from '../store/index.js';
import type { ArticleRecord, Store, StorySummary, VersionMeta } from '../store/types.js';
import type { Article, ContentType, IngestHints } from '../types.js';
import { type ComparisonService, createComparisonService } from './comparison-service.js';
import type { Upload } from './editor-upload.js';
import { describeVersionChange, summarizeChange, type VersionChange } from './editor-version-diff.js';

/** What ingest needs to know about the article a text belongs to. */
export interface ArticleIdentity {
  storySlug: string;
  slug: string;
  outlet: string;
  agency: string | null;
  published: string | null;
  language: string;
}

export function hintsFor(identity: ArticleIdentity, version: number, contentType: ContentType): IngestHints {
  const hints: IngestHints = {
    id: `${identity.storySlug}/${identity.slug}`,
    outlet: identity.outlet,
    version,
    contentType,
    language: identity.language,
  };
  if (identity.agency !== null) hints.agency = identity.agency;
  if (identity.published !== null) hints.published = identity.published;
  return hints;
}

/** Ingests an upload as version `version` of the article; throws InputError for text that is not an article. */
export function ingestUpload(upload: Upload, identity: ArticleIdentity, version: number): Article {
  return ingestArticle({ raw: upload.raw, hints: hintsFor(identity, version, upload.contentType) });
}

export function latestVersion(record: ArticleRecord): VersionMeta | null {
  return record.versions[record.versions.length - 1] ?? null;
}

/** An InputError('duplicate') when the upload's normalised text equals the article's latest version. */
export function checkNotDuplicate(upload: Upload, record: ArticleRecord): string {
  const fingerprint = normalizedSha256(upload.raw, upload.contentType);
  const latest = latestVersion(record);
  if (latest !== null && latest.normalizedSha256 === fingerprint) {
    throw new InputError(
      'duplicate',
      `This text is the same as version ${latest.number} (uploaded by ${latest.uploadedBy} on ${latest.createdAt.slice(0, 10)}), so there is nothing new to save.`,
    );
  }
  return fingerprint;
}

export interface HistoryRow {
  version: VersionMeta;
  /** Bytes more (positive) or fewer than the previous version; null for version 1. */
  bytesDelta: number | null;
  /** "2 added, 1 reworded", or null for version 1. */
  change: string | null;
}

export interface VersionDiff {
  from: VersionMeta;
  to: VersionMeta;
  fromArticle: Article;
  toArticle: Article;
  change: VersionChange;
}

export interface VersionService {
  /** The article's story, or NotFoundError. */
  storyOf(record: ArticleRecord): Promise<StorySummary>;
  /** The change an unsaved upload makes to the article's latest version; null when it has none yet. */
  changeFromLatest(story: StorySummary, record: ArticleRecord, next: Article): Promise<VersionChange | null>;
  /** The change between two stored versions. */
  diff(story: StorySummary, record: ArticleRecord, from: number, to: number): Promise<VersionDiff>;
  /** Every version with the size of its change from the one before. */
  history(story: StorySummary, record: ArticleRecord): Promise<HistoryRow[]>;
}

export function createVersionService(store: Store): VersionService {
  const comparisons: ComparisonService = createComparisonService(store);

  async function diff(story: StorySummary, record: ArticleRecord, from: number, to: number): Promise<VersionDiff> {
    const result = await comparisons.compareInStory(
      story,
      { slug: record.slug, version: from },
      { slug: record.slug, version: to },
    );
    return {
      from: result.left.version,
      to: result.right.version,
      fromArticle: result.left.article,
      toArticle: result.right.article,
      change: describeVersionChange(result.left.article, result.right.article, result.comparison),
    };
  }

  return {
    async storyOf(record) {
      const story = await store.getStory(record.storySlug);
      if (story === null) throw new NotFoundError(`The story of article ${record.id} is missing.`);
      return story;
    },

    async changeFromLatest(story, record, next) {
      if (latestVersion(record) === null) return null;
      const latest = await comparisons.latestArticles(story);
      const previous = latest.find((r) => r.record.id === record.id);
      if (previous === undefined) return null;
      const corpus = buildCorpusStats([...latest.map((r) => r.article), next]);
      const comparison = compareArticles(previous.article, next, { corpus });
      return describeVersionChange(previous.article, next, comparison);
    },

    diff,

    async history(story, record) {
      const rows: HistoryRow[] = [];
      let previous: VersionMeta | null = null;
      for (const version of record.versions) {
        let change: string | null = null;
        if (previous !== null) {
          try {
            change = summarizeChange((await diff(story, record, previous.number, version.number)).change);
          } catch (error) {
            // A stored version that today's ingest cannot read is still listed; the row says why.
            if (!(error instanceof InputError)) throw error;
            change = `not comparable: ${error.message}`;
          }
        }
        rows.push({
          version,
          bytesDelta: previous === null ? null : version.byteLength - previous.byteLength,
          change,
        });
        previous = version;
      }
      return rows;
    },
  };
}
