// `npm run compare -- <left> <right> [--json] [--date FILE=YYYY-MM-DD]... [--outlet FILE=NAME]...`: compares two articles, given as files (text or HTML)
// or as corpus ids (`nk-pow-asylum/straits-times-afp` = corpus/<story>/<article slug in story.json>).
// With --json stdout holds the contract JSON and nothing else; otherwise a report a person can read,
// coloured only when stdout is a terminal.

import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hintsForFile, loadStoryManifest } from '../corpus.js';
import { compareArticles } from '../engine/index.js';
import type { Article, Comparison, DiffRun, Fact, FactMention, IngestHints } from '../types.js';
import { ingestFile, isIsoDate } from './ingest.js';

const USAGE = `Usage: npm run compare -- <left> <right> [--json] [--date FILE=YYYY-MM-DD]... [--outlet FILE=NAME]...
  <left> <right>  two files (text or HTML) or corpus ids such as nk-pow-asylum/straits-times-afp
  --json          print the comparison JSON (schemaVersion 1) and nothing else
  --date F=D      publication date of the article given as F, so that "on Tuesday" or "last month" resolve
  --outlet F=N    outlet name of the article given as F (otherwise its file name labels it)
  --help          this text`;

/** The repository's corpus folder, wherever the command is run from. */
const CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));

export interface CompareIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

type Resolved = { article: Article } | { error: string };

/**
 * A path on disk, or `<story>/<article slug>` under corpus/. `hints` override what the story's story.json says;
 * a file outside any story is named by `label` (its file name) rather than by a hash of its text.
 */
export function resolveInput(
  input: string,
  hints: IngestHints = {},
  label: string = basename(input),
  corpusDir: string = CORPUS_DIR,
): Resolved {
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
  const fromStory = hintsForFile(file);
  const result = ingestFile(file, { ...(fromStory.id === undefined ? { id: label } : {}), ...hints });
  return 'error' in result ? { error: `${input}: ${result.error.message} (${result.error.code})` } : result;
}

interface Options {
  inputs: string[];
  json: boolean;
  help: boolean;
  /** Hints per input, keyed by the input as given on the command line. */
  hints: Map<string, IngestHints>;
}

/** Reads the arguments; a string is a usage error. `--date`/`--outlet` name their file as it was given. */
function parseArgs(args: readonly string[]): Options | string {
  const options: Options = { inputs: [], json: false, help: false, hints: new Map() };
  const perFile: Array<[string, 'published' | 'outlet', string]> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--date' || arg === '--outlet') {
      const value = args[++i];
      const at = value?.lastIndexOf('=') ?? -1;
      if (value === undefined || at <= 0) return `${arg} needs FILE=${arg === '--date' ? 'YYYY-MM-DD' : 'NAME'}`;
      const target = value.slice(0, at);
      const setting = value.slice(at + 1);
      if (arg === '--date' && !isIsoDate(setting))
        return `--date must give a real date as YYYY-MM-DD, not "${setting}"`;
      if (arg === '--outlet' && setting.trim() === '') return '--outlet needs a name after FILE=';
      perFile.push([target, arg === '--date' ? 'published' : 'outlet', setting]);
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else options.inputs.push(arg);
  }
  if (options.help) return options;
  if (options.inputs.length !== 2) return 'give exactly two articles';
  for (const [target, field, setting] of perFile) {
    if (!options.inputs.includes(target))
      return `${target} is not one of the articles given (${options.inputs.join(', ')})`;
    const hints = options.hints.get(target) ?? {};
    hints[field] = setting;
    options.hints.set(target, hints);
  }
  return options;
}

export async function run(args: string[], io: CompareIo = process): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.stderr.write(`parallax compare: ${options}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Sides are named by their file names, or by the paths as given when both files have the same name.
  const names = options.inputs.map((input) => basename(input));
  const labels = new Set(names).size === names.length ? names : options.inputs;
  const sides = options.inputs.map((input, i) => resolveInput(input, options.hints.get(input), labels[i]));
  for (const side of sides) {
    if ('error' in side) {
      io.stderr.write(`parallax compare: ${side.error}\n`);
      return 1;
    }
  }
  const [left, right] = sides.map((side) => (side as { article: Article }).article) as [Article, Article];
  const comparison = compareArticles(left, right);
  io.stdout.write(
    options.json ? `${JSON.stringify(comparison, null, 2)}\n` : formatReport(comparison, io.stdout.isTTY === true),
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
