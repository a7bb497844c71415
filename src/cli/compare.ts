// `npm run compare -- <left> <right> [--json]`: compares two articles, given as files (text or HTML)
// or as corpus ids (`nk-pow-asylum/straits-times-afp` = corpus/<story>/<article slug in story.json>).
// With --json stdout holds the contract JSON and nothing else; otherwise a report a person can read,
// coloured only when stdout is a terminal.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStoryManifest } from '../corpus.js';
import { compareArticles } from '../engine/index.js';
import type { Article, Comparison, DiffRun, Fact, FactMention } from '../types.js';
import { ingestFile } from './ingest.js';

const USAGE =
  'Usage: npm run compare -- <left> <right> [--json]   (files, or corpus ids such as nk-pow-asylum/straits-times-afp)';

/** The repository's corpus folder, wherever the command is run from. */
const CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));

export interface CompareIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

type Resolved = { article: Article } | { error: string };

/** A path on disk, or `<story>/<article slug>` under corpus/. */
export function resolveInput(input: string, corpusDir: string = CORPUS_DIR): Resolved {
  let file = input;
  if (!existsSync(input)) {
    const match = input.match(/^([\w.-]+)\/([\w.-]+)$/);
    const manifest = match === null ? null : loadStoryManifest(join(corpusDir, match[1] ?? ''));
    const entry = manifest?.articles.find((article) => article.slug === match?.[2]);
    if (match === null || manifest === null || entry === undefined) {
      return { error: `${input}: no such file, and no corpus article with that id` };
    }
    file = join(corpusDir, match[1] ?? '', entry.file);
  } else if (statSync(input).isDirectory()) {
    return { error: `${input}: is a folder, not a file` };
  }
  const result = ingestFile(file);
  return 'error' in result ? { error: `${input}: ${result.error.message} (${result.error.code})` } : result;
}

export async function run(args: string[], io: CompareIo = process): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.find((arg) => arg.startsWith('-') && arg !== '--json');
  const positional = args.filter((arg) => !arg.startsWith('-'));
  if (unknown !== undefined || positional.length !== 2) {
    const problem = unknown !== undefined ? `unknown option ${unknown}` : 'give exactly two articles';
    io.stderr.write(`parallax compare: ${problem}\n${USAGE}\n`);
    return 2;
  }
  const sides = positional.map((input) => resolveInput(input));
  for (const side of sides) {
    if ('error' in side) {
      io.stderr.write(`parallax compare: ${side.error}\n`);
      return 1;
    }
  }
  const [left, right] = sides.map((side) => (side as { article: Article }).article) as [Article, Article];
  const comparison = compareArticles(left, right);
  io.stdout.write(
    json ? `${JSON.stringify(comparison, null, 2)}\n` : formatReport(comparison, io.stdout.isTTY === true),
  );
  return 0;
}

interface Paint {
  left(text: string): string;
  right(text: string): string;
  same(text: string): string;
  head(text: string): string;
  label(relation: string): string;
}

const PLAIN: Paint = {
  left: (text) => `[-${text}-]`,
  right: (text) => `{+${text}+}`,
  same: (text) => `(${text})`,
  head: (text) => text,
  label: (relation) => `[${relation}]`,
};

const COLOUR: Paint = {
  left: (text) => `\x1b[31;9m${text}\x1b[0m`,
  right: (text) => `\x1b[32;4m${text}\x1b[0m`,
  same: (text) => `\x1b[33m${text}\x1b[0m`,
  head: (text) => `\x1b[1m${text}\x1b[0m`,
  label: (relation) => (relation === 'agree' ? `\x1b[32m[agree]\x1b[0m` : `\x1b[31m[differ]\x1b[0m`),
};

function renderDiff(runs: ReadonlyArray<DiffRun>, paint: Paint): string {
  return runs
    .map((run) => {
      if (run.op === 'equal') return run.text;
      if (run.op === 'left') return paint.left(run.text);
      if (run.op === 'right') return paint.right(run.text);
      return paint.same(`${run.left} = ${run.right}`);
    })
    .join('');
}

function mentions(list: ReadonlyArray<FactMention>, prefix: string): string {
  return list.length === 0 ? '—' : list.map((m) => `${m.text} (${prefix}${m.sentence})`).join('; ');
}

function formatFact(fact: Fact): string {
  return `  ${fact.kind.padEnd(7)} ${fact.status.padEnd(10)} ${fact.label}\n      left:  ${mentions(fact.left, 'L')}\n      right: ${mentions(fact.right, 'R')}`;
}

/** The terminal report: matched pairs with label, reasons and word diff; one-side sentences; facts. */
export function formatReport(comparison: Comparison, colour: boolean): string {
  const paint = colour ? COLOUR : PLAIN;
  const name = (side: Comparison['left']): string =>
    `${side.outlet ?? side.id}${side.published === null ? '' : ` (${side.published})`}`;
  const leftText = new Map(comparison.left.sentences.map((s) => [s.index, s.text]));
  const rightText = new Map(comparison.right.sentences.map((s) => [s.index, s.text]));
  const { summary } = comparison;
  const lines: string[] = [
    paint.head(`Left:  ${name(comparison.left)}`),
    paint.head(`Right: ${name(comparison.right)}`),
    `${summary.agree} agree, ${summary.differ} differ, ${summary.leftOnly} only left, ${summary.rightOnly} only right; overlap ${Math.round(summary.overlap * 100)}% of body sentences`,
    '',
    paint.head('Matched sentences'),
  ];
  for (const alignment of comparison.alignments) {
    const where = `L${alignment.left.join('+')} ↔ R${alignment.right.join('+')}`;
    lines.push(
      `${paint.label(alignment.relation)} ${where}  similarity ${alignment.similarity.toFixed(2)}${alignment.moved ? '  (moved)' : ''}`,
    );
    for (const reason of alignment.reasons) lines.push(`    ${reason.code}: ${reason.detail}`);
    lines.push(
      `    ${renderDiff(alignment.diff, paint)}${alignment.diffTruncated ? '  (too different for a word diff)' : ''}`,
      '',
    );
  }
  lines.push(paint.head(`Only in ${comparison.left.outlet ?? 'the left article'}`));
  for (const index of comparison.leftOnly) lines.push(`  L${index}  ${leftText.get(index) ?? ''}`);
  lines.push('', paint.head(`Only in ${comparison.right.outlet ?? 'the right article'}`));
  for (const index of comparison.rightOnly) lines.push(`  R${index}  ${rightText.get(index) ?? ''}`);
  lines.push('', paint.head('Facts'));
  for (const fact of comparison.facts) lines.push(formatFact(fact));
  return `${lines.join('\n')}\n`;
}
