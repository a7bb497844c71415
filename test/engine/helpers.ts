// Test helpers: the seed articles through the real ingest, and small articles built from real sentences.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hintsForFile } from '../../src/corpus.js';
import { ingestArticle } from '../../src/ingest/index.js';
import type { Article } from '../../src/types.js';

export const SEED_DIR = join(import.meta.dirname, '../../corpus/nk-pow-asylum');

export function loadSeed(slug: 'straits-times-afp' | 'yonhap-koreadaily'): Article {
  const path = join(SEED_DIR, `${slug}.txt`);
  return ingestArticle({ raw: readFileSync(path), hints: hintsForFile(path) });
}

/** An article whose paragraphs are the given sentences, through the real ingest. */
export function articleFrom(
  sentences: string[],
  hints: { id?: string; outlet?: string; published?: string } = {},
): Article {
  return ingestArticle({
    raw: sentences.join('\n\n'),
    hints: {
      id: hints.id ?? 'test/article',
      outlet: hints.outlet ?? 'Test Outlet',
      published: hints.published ?? '2025-02-21',
    },
  });
}

/** The index of the sentence that contains `words` (so the tests survive changes in segmentation), or an error. */
export function sentenceWith(article: Article, words: string): number {
  const sentence = article.sentences.find((s) => s.text.includes(words));
  if (sentence === undefined) throw new Error(`no sentence contains "${words}" in ${article.id}`);
  return sentence.index;
}
