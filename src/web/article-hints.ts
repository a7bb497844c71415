// What the store knows about an article version, as hints for ingest: the same for the students' comparisons
// and the editors' previews and version diffs, so both read a version the same way.

import type { ArticleRecord, VersionMeta } from '../store/types.js';
import type { ContentType, IngestHints } from '../types.js';

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

export function latestVersion(record: ArticleRecord): VersionMeta | null {
  return record.versions[record.versions.length - 1] ?? null;
}
