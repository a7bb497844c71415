// Golden files for the corpus: the expected Article of every article listed in a corpus/<story>/story.json.
// `npx tsx test/ingest/golden.ts` writes them (after a deliberate change to the ingest output: read the diff, then
// bump INGEST_VERSION); golden.test.ts compares and reports the first difference.

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../src/cli/ingest.js';
import { loadStoryManifest } from '../../src/corpus.js';
import type { Article } from '../../src/types.js';

export const CORPUS_DIR = join(import.meta.dirname, '../../corpus');
export const GOLDEN_DIR = join(import.meta.dirname, '../fixtures/ingest/expected');

export interface GoldenCase {
  name: string;
  file: string;
  golden: string;
}

/** Every article of every story in corpus/, with the path of its golden file. */
export function goldenCases(): GoldenCase[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((story) => {
      const manifest = loadStoryManifest(join(CORPUS_DIR, story.name));
      return (manifest?.articles ?? []).map((article) => ({
        name: `${story.name}/${article.slug}`,
        file: join(CORPUS_DIR, story.name, article.file),
        golden: join(GOLDEN_DIR, story.name, `${article.slug}.json`),
      }));
    });
}

export function ingestCase(c: GoldenCase): Article {
  const result = ingestFile(c.file);
  if ('error' in result) throw new Error(`${c.name}: ${result.error.message}`);
  return result.article;
}

if (process.argv[1] === import.meta.filename) {
  for (const c of goldenCases()) {
    mkdirSync(join(c.golden, '..'), { recursive: true });
    writeFileSync(c.golden, `${JSON.stringify(ingestCase(c), null, 2)}\n`);
    process.stdout.write(`wrote ${c.golden}\n`);
  }
}
