// Every regular expression of the ingest and the engine, checked by the recheck ReDoS checker. They are collected
// as they run: RegExp.prototype.exec (which match, replace, split, test and matchAll all go through) is wrapped
// while the corpus is ingested and compared, and an expression is kept when the code calling it is in
// src/ingest/ or src/engine/; the boilerplate rules are added whether or not a line met them. An expression the
// checker does not call safe fails the test.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { buildCorpusStats, compareArticles } from '../../src/engine/index.js';
import { GENERIC_RULES, INLINE_RULES, OUTLET_PROFILES } from '../../src/ingest/boilerplate-rules.js';
import { ingestArticle } from '../../src/ingest/index.js';
import type { Article } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '../..');
const DEV_CORPUS = join(ROOT, '../shared/corpus-dev');

function corpusFiles(): string[] {
  const files: string[] = [];
  for (const base of [join(ROOT, 'corpus'), DEV_CORPUS]) {
    if (!existsSync(base)) continue;
    for (const story of readdirSync(base)) {
      const dir = join(base, story);
      if (!statSync(dir).isDirectory()) continue;
      for (const file of readdirSync(dir)) if (/\.(txt|html)$/.test(file)) files.push(join(dir, file));
    }
  }
  return [...files, join(ROOT, 'test/fixtures/ingest/article.html')];
}

/** The expressions of src/ingest and src/engine that ingesting and comparing `files` runs, as /source/flags. */
function collectExpressions(files: string[]): Set<string> {
  const ours = new Set<string>();
  const seen = new Set<string>();
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function (this: RegExp, text: string) {
    const name = `/${this.source}/${this.flags}`;
    if (!seen.has(name)) {
      seen.add(name);
      // The first frame outside this wrapper and V8's string methods is the code that used the expression.
      const caller = (new Error().stack ?? '')
        .split('\n')
        .slice(2)
        .find((line) => !line.includes('<anonymous>') && !line.includes('node:internal'));
      // Libraries' own expressions (natural's stemmer, Readability) are theirs to answer for.
      if (caller !== undefined && /\/src\/(?:ingest|engine)\//.test(caller)) ours.add(name);
    }
    return exec.call(this, text);
  };
  try {
    const byStory = new Map<string, Article[]>();
    for (const file of files) {
      const story = file.split('/').at(-2) ?? '';
      try {
        const article = ingestArticle({ raw: readFileSync(file), hints: { id: file, published: '2025-06-01' } });
        byStory.set(story, [...(byStory.get(story) ?? []), article]);
      } catch {
        // A file the ingest refuses has still run its expressions.
      }
    }
    for (const articles of byStory.values()) {
      const corpus = buildCorpusStats(articles);
      for (let i = 0; i + 1 < articles.length; i++) {
        compareArticles(articles[i] as Article, articles[i + 1] as Article, { corpus });
      }
    }
  } finally {
    RegExp.prototype.exec = exec;
  }
  const rules = [...GENERIC_RULES, ...INLINE_RULES, ...OUTLET_PROFILES.flatMap((profile) => profile.rules)];
  for (const rule of rules) ours.add(`/${rule.pattern.source}/${rule.pattern.flags}`);
  return ours;
}

function sourceAndFlags(name: string): [string, string] {
  const end = name.lastIndexOf('/');
  return [name.slice(1, end), name.slice(end + 1)];
}

describe('regular expressions of the ingest and the engine', () => {
  it('are safe from catastrophic backtracking, as recheck judges them', { timeout: 300_000 }, () => {
    const expressions = collectExpressions(corpusFiles());
    expect(expressions.size).toBeGreaterThan(50);
    const unsafe: string[] = [];
    for (const name of [...expressions].sort()) {
      const [source, flags] = sourceAndFlags(name);
      const result = checkSync(source, flags, { timeout: 10_000 });
      if (result.status !== 'safe') unsafe.push(`${result.status}: ${name}`);
    }
    expect(unsafe).toEqual([]);
  });
});
