// Shared set-up for the store tests: a fresh database file in a temporary folder, and versions to append.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint } from '../../src/ingest/index.js';
import type { NewVersion, Store } from '../../src/store/types.js';

export interface TempDir {
  dir: string;
  dbPath: string;
  remove: () => void;
}

export function makeTempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-store-'));
  return { dir, dbPath: join(dir, 'data', 'parallax.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function textVersion(articleId: number, text: string, uploadedBy = 'alice'): NewVersion {
  const raw = new TextEncoder().encode(text);
  return {
    articleId,
    raw,
    contentType: 'text/plain',
    normalizedSha256: fingerprint(raw),
    uploadedBy,
  };
}

/** A story with one article and no version yet; returns the article id. */
export async function makeArticle(store: Store, slug = 'test-story'): Promise<number> {
  const story = await store.createStory({ slug, title: 'A test story' }, 'test');
  const article = await store.createArticle({ storyId: story.id, slug: 'outlet-a', outlet: 'Outlet A' }, 'test');
  return article.id;
}
