// Every regular expression of the ingest and the engine, checked by the recheck ReDoS checker. They are collected
// three ways, so that none is missed:
// 1. every regular expression literal in the source files of src/ingest/ and src/engine/ (a small lexer that
//    knows strings, templates and comments);
// 2. every expression built with `new RegExp` while those modules load and run (the global constructor is wrapped
//    before they are imported, and a construction counts when the calling frame is in those folders);
// 3. every expression executed while the corpus is ingested and compared (RegExp.prototype.exec, which match,
//    replace, split, test and matchAll go through, attributed by the calling frame).
// An expression the checker does not call safe fails the test.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '../..');
const DEV_CORPUS = join(ROOT, '../shared/corpus-dev');
const OUR_FRAME = /\/src\/(?:ingest|engine)\//;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(dir, name));
}

/** Regular expression literals of a TypeScript file, as /source/flags. */
function regexLiterals(code: string): string[] {
  const found: string[] = [];
  // Where a "/" starts a regular expression rather than a division: after these characters or keywords.
  const beforeRegex =
    /[(,=:[!&|?{};+\-*%<>~^]$|(?:^|[^\w$])(?:return|typeof|case|of|in|delete|void|throw|new|yield|await|else)$/;
  let i = 0;
  let last = '';
  const templates: number[] = [];
  while (i < code.length) {
    const char = code[i] as string;
    const next = code[i + 1];
    if (char === '/' && next === '/') {
      i = code.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (char === '/' && next === '*') {
      i = code.indexOf('*/', i + 2) + 2;
      continue;
    }
    if (char === "'" || char === '"') {
      i++;
      while (i < code.length && code[i] !== char) i += code[i] === '\\' ? 2 : 1;
      i++;
      last = 'x';
      continue;
    }
    if (char === '`' || (char === '}' && templates.length > 0 && templates[templates.length - 1] === 0)) {
      if (char === '}') templates.pop();
      i++;
      while (i < code.length && code[i] !== '`' && !(code[i] === '$' && code[i + 1] === '{')) {
        i += code[i] === '\\' ? 2 : 1;
      }
      if (code[i] === '$') {
        templates.push(0);
        i += 2;
        last = '{';
      } else {
        i++;
        last = 'x';
      }
      continue;
    }
    if (char === '{' && templates.length > 0) templates[templates.length - 1] = (templates.at(-1) ?? 0) + 1;
    if (char === '}' && templates.length > 0) templates[templates.length - 1] = (templates.at(-1) ?? 0) - 1;
    if (char === '/' && beforeRegex.test(last)) {
      let j = i + 1;
      let inClass = false;
      while (j < code.length && (inClass || code[j] !== '/') && code[j] !== '\n') {
        if (code[j] === '\\') j++;
        else if (code[j] === '[') inClass = true;
        else if (code[j] === ']') inClass = false;
        j++;
      }
      let end = j + 1;
      while (/[dgimsuvy]/.test(code[end] ?? '')) end++;
      found.push(`/${code.slice(i + 1, j)}/${code.slice(j + 1, end)}`);
      i = end;
      last = 'x';
      continue;
    }
    if (!/\s/.test(char)) last = (last + char).slice(-12);
    i++;
  }
  return found;
}

function callerIsOurs(stack: string | undefined, skip: number): boolean {
  const caller = (stack ?? '')
    .split('\n')
    .slice(skip)
    .find((line) => !line.includes('<anonymous>') && !line.includes('node:internal'));
  return caller !== undefined && OUR_FRAME.test(caller);
}

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

/** Every expression of src/ingest and src/engine, as /source/flags. */
async function collectExpressions(): Promise<Set<string>> {
  const ours = new Set<string>();
  for (const dir of ['src/ingest', 'src/engine']) {
    for (const file of sourceFiles(join(ROOT, dir)))
      for (const literal of regexLiterals(readFileSync(file, 'utf8'))) ours.add(literal);
  }
  const Original = RegExp;
  const exec = RegExp.prototype.exec;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const made = new target(...args);
      if (callerIsOurs(new Error().stack, 2)) ours.add(`/${made.source}/${made.flags}`);
      return made;
    },
  });
  const seen = new Set<string>();
  Original.prototype.exec = function (this: RegExp, text: string) {
    const name = `/${this.source}/${this.flags}`;
    if (!seen.has(name)) {
      seen.add(name);
      if (callerIsOurs(new Error().stack, 2)) ours.add(name);
    }
    return exec.call(this, text);
  };
  try {
    // Imported only now, so that their module-level constructions are seen.
    const { ingestArticle } = await import('../../src/ingest/index.js');
    const { buildCorpusStats, compareArticles } = await import('../../src/engine/index.js');
    const byStory = new Map<string, Article[]>();
    for (const file of corpusFiles()) {
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
    globalThis.RegExp = Original;
    Original.prototype.exec = exec;
  }
  return ours;
}

function sourceAndFlags(name: string): [string, string] {
  const end = name.lastIndexOf('/');
  return [name.slice(1, end), name.slice(end + 1)];
}

describe('regular expressions of the ingest and the engine', () => {
  it('are found in the source by the lexer, strings, templates and comments aside', () => {
    const code = [
      'const a = /x+y/g; // a /comment/ is not one',
      // A template of the code under test, written without a placeholder of this file's own.
      'const b = "a / b / c" + `t $' + '{/in-template/.source} /not/ $' + '{1 / 2}`;',
      'if (!/^\\/path\\/[/]/u.test(s)) return /z/;',
      'const c = 4 / 2 / 1;',
    ].join('\n');
    expect(regexLiterals(code)).toEqual(['/x+y/g', '/in-template/', '/^\\/path\\/[/]/u', '/z/']);
  });

  it('are safe from catastrophic backtracking, as recheck judges them', { timeout: 300_000 }, async () => {
    const expressions = await collectExpressions();
    expect(expressions.size).toBeGreaterThan(100);
    const unsafe: string[] = [];
    for (const name of [...expressions].sort()) {
      const [source, flags] = sourceAndFlags(name);
      let valid = true;
      try {
        new RegExp(source, flags);
      } catch {
        valid = false;
      }
      expect(valid, `the lexer misread ${name}`).toBe(true);
      const result = checkSync(source, flags, { timeout: 10_000 });
      if (result.status !== 'safe') unsafe.push(`${result.status}: ${name}`);
    }
    expect(unsafe).toEqual([]);
  });
});
