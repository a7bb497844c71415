// `npm run ingest -- <file>... [--json] [--outlet NAME] [--date YYYY-MM-DD]`: cleans and segments raw articles.
// Human-readable by default; with --json one JSON object per file per line and nothing else on stdout.

import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { INGEST } from '../config.js';
import { hintsForFile } from '../corpus.js';
import { InputError } from '../errors.js';
import { ingestArticle } from '../ingest/index.js';
import type { Article, IngestHints } from '../types.js';

const USAGE = 'Usage: npm run ingest -- <file>... [--json] [--outlet NAME] [--date YYYY-MM-DD]';

interface Options {
  files: string[];
  json: boolean;
  overrides: IngestHints;
}

/** A file that could not be read or ingested: an input error's code, or the file system's. */
export interface FileFailure {
  code: string;
  message: string;
}

export async function run(args: string[]): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`parallax ingest: ${options}\n${USAGE}\n`);
    return 2;
  }
  let failed = 0;
  for (const file of options.files) {
    const result = ingestFile(file, options.overrides);
    if ('error' in result) {
      failed++;
      process.stderr.write(`parallax ingest: ${file}: ${result.error.message} (${result.error.code})\n`);
      if (options.json) process.stdout.write(`${JSON.stringify({ file, error: result.error })}\n`);
    } else {
      process.stdout.write(options.json ? `${JSON.stringify(result.article)}\n` : formatArticle(file, result.article));
    }
  }
  return failed > 0 ? 1 : 0;
}

/**
 * Reads and ingests one file with the hints of its folder's story.json (if any), overridden by `overrides`.
 * Content type: story.json's, else `text/html` for .html/.htm, else ingest looks for a leading `<`.
 */
export function ingestFile(file: string, overrides: IngestHints = {}): { article: Article } | { error: FileFailure } {
  let raw: Uint8Array;
  try {
    const size = statSync(file).size;
    if (size > INGEST.maxInputBytes) {
      return { error: { code: 'too-large', message: `${size} bytes; the limit is ${INGEST.maxInputBytes} bytes` } };
    }
    raw = readFileSync(file);
  } catch (error) {
    return { error: fileError(error) };
  }
  try {
    const hints: IngestHints = { ...hintsForFile(file), ...overrides };
    const extension = extname(file).toLowerCase();
    if (hints.contentType === undefined && (extension === '.html' || extension === '.htm')) {
      hints.contentType = 'text/html';
    }
    return { article: ingestArticle({ raw, hints }) };
  } catch (error) {
    if (error instanceof InputError) return { error: { code: error.code, message: error.message } };
    throw error;
  }
}

function fileError(error: unknown): FileFailure {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { code: 'not-found', message: 'no such file' };
  if (code === 'EISDIR') return { code: 'unreadable', message: 'is a folder, not a file' };
  return { code: 'unreadable', message: error instanceof Error ? error.message : String(error) };
}

function parseArgs(args: readonly string[]): Options | string {
  const options: Options = { files: [], json: false, overrides: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') {
      options.json = true;
    } else if (arg === '--outlet' || arg === '--date') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
      if (arg === '--outlet') {
        options.overrides.outlet = value;
      } else {
        if (!isIsoDate(value)) return `--date must be a real date as YYYY-MM-DD, not "${value}"`;
        options.overrides.published = value;
      }
    } else if (arg.startsWith('--')) {
      return `unknown option ${arg}`;
    } else {
      options.files.push(arg);
    }
  }
  return options.files.length === 0 ? 'no file given' : options;
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The clean article as a reader checks it: headline, metadata, numbered sentences, removed lines. */
export function formatArticle(file: string, article: Article): string {
  const lines = [
    `== ${file}`,
    `Title:     ${article.title || '(none)'}`,
    `Outlet:    ${article.outlet ?? '(unknown)'}`,
    `Agency:    ${article.agency ?? '(none)'}`,
    `Dateline:  ${article.dateline ?? '(none)'}`,
    `Published: ${article.published ?? '(unknown)'}`,
    `Id:        ${article.id} (version ${article.version}, ${article.language})`,
    '',
    `Sentences (${article.sentences.length}):`,
    ...article.sentences.map(
      (s) => `${String(s.index + 1).padStart(4)}  ¶${s.paragraph}${s.role === 'body' ? '' : ` [${s.role}]`}  ${s.text}`,
    ),
    '',
    `Removed (${article.removed.length}):`,
    ...article.removed.map((r) => `  ${r.rule.padEnd(20)} ${r.text}`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
