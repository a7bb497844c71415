// `npm run eval:ingest -- <dir>`: ingests every file under a folder and prints, per file, the sentence count and
// every removed line with its rule, then a summary. For reading the cleaner's decisions on real scrapes: every
// removed line must be boilerplate. Exit 1 only when ingest crashes (a bug); bad input is reported and counted.

import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { STORY_FILE } from '../corpus.js';
import { ingestFile } from './ingest.js';

/** Files that describe a folder rather than hold an article. */
const NOT_ARTICLES = new Set(['readme.md', 'manifest.md', STORY_FILE]);

export async function run(args: string[]): Promise<number> {
  const [dir, ...rest] = args;
  if (dir === undefined || rest.length > 0 || !isFolder(dir)) {
    process.stderr.write('Usage: npm run eval:ingest -- <dir>   (one existing folder)\n');
    return 2;
  }
  const totals = { files: 0, ingested: 0, failed: 0, crashed: 0, sentences: 0, captions: 0, removed: 0 };
  const byRule = new Map<string, number>();
  const out: string[] = [];
  for (const file of listArticleFiles(dir)) {
    totals.files++;
    const name = relative(dir, file) || file;
    let result: ReturnType<typeof ingestFile>;
    try {
      result = ingestFile(file);
    } catch (error) {
      totals.crashed++;
      out.push(`${name}  CRASH ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      continue;
    }
    if ('error' in result) {
      totals.failed++;
      out.push(`${name}  ERROR ${result.error.code}: ${result.error.message}`);
      continue;
    }
    const { article } = result;
    const captions = article.sentences.filter((s) => s.role === 'caption').length;
    totals.ingested++;
    totals.sentences += article.sentences.length;
    totals.captions += captions;
    totals.removed += article.removed.length;
    out.push(
      `${name}  ${article.sentences.length} sentences (${captions} caption), ${article.removed.length} removed` +
        `  | title: ${article.title || '(none)'} | dateline: ${article.dateline ?? '-'} | agency: ${article.agency ?? '-'} | published: ${article.published ?? '-'}`,
    );
    for (const r of article.removed) {
      out.push(`    - ${r.rule}: ${r.text}`);
      byRule.set(r.rule, (byRule.get(r.rule) ?? 0) + 1);
    }
  }
  const rules = [...byRule.entries()].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`);
  out.push(
    '',
    `Rules: ${rules.join(', ') || '(none)'}`,
    `Summary: ${totals.files} files, ${totals.ingested} ingested, ${totals.failed} refused, ${totals.crashed} crashed; ` +
      `${totals.sentences} sentences (${totals.captions} captions), ${totals.removed} removed lines`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
  return totals.crashed > 0 ? 1 : 0;
}

/** Every file under `dir`, depth first in name order, without folder descriptions and hidden files. */
export function listArticleFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listArticleFiles(path));
    else if (entry.isFile() && !NOT_ARTICLES.has(entry.name.toLowerCase())) files.push(path);
  }
  return files;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
