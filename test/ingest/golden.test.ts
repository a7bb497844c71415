import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/types.js';
import { CORPUS_DIR, GOLDEN_DIR, goldenCases, ingestCase } from './golden.js';

/** The first place where two articles differ, in words a reader can act on. */
function firstDifference(actual: Article, expected: Article): string | null {
  for (const key of ['id', 'outlet', 'agency', 'title', 'dateline', 'published', 'version', 'language'] as const) {
    if (actual[key] !== expected[key])
      return `${key}: ${JSON.stringify(actual[key])} ≠ ${JSON.stringify(expected[key])}`;
  }
  const count = Math.max(actual.sentences.length, expected.sentences.length);
  for (let i = 0; i < count; i++) {
    const a = JSON.stringify(actual.sentences[i]);
    const e = JSON.stringify(expected.sentences[i]);
    if (a !== e) return `sentence ${i}:\n  got      ${a}\n  expected ${e}`;
  }
  const removed = Math.max(actual.removed.length, expected.removed.length);
  for (let i = 0; i < removed; i++) {
    const a = JSON.stringify(actual.removed[i]);
    const e = JSON.stringify(expected.removed[i]);
    if (a !== e) return `removed ${i}:\n  got      ${a}\n  expected ${e}`;
  }
  return actual.text === expected.text ? null : 'text differs';
}

describe('corpus golden files', () => {
  const cases = goldenCases();
  it('cover every article of every story folder in corpus/, and every golden file belongs to one', () => {
    const stories = readdirSync(CORPUS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(stories.length).toBeGreaterThan(0);
    expect([...new Set(cases.map((c) => c.name.split('/')[0]))].sort()).toEqual(stories.sort());
    const goldens = readdirSync(GOLDEN_DIR, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.json'))
      .map((name) => join(GOLDEN_DIR, name));
    expect(goldens.sort()).toEqual(cases.map((c) => c.golden).sort());
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s matches its golden file', (_name, c) => {
    expect(existsSync(c.golden), `no golden file: run npx tsx test/ingest/golden.ts`).toBe(true);
    const expected = JSON.parse(readFileSync(c.golden, 'utf8')) as Article;
    expect(firstDifference(ingestCase(c), expected)).toBeNull();
  });
});
