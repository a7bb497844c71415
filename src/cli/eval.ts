// `npm run eval [-- --only ingest|engine|html] [--corpus DIR] [--gold DIR] [--html DIR] [--check-floor] [--quiet]`: scores the
// ingest and the engine against the gold in test/gold/ (and the ingest's HTML extraction against the public
// benchmark in ../shared/html-benchmark), prints every miss and false link per pair and file, the totals, and
// as its last line one JSON object with the totals. With --check-floor it exits 1 when a total breaks
// test/gold/floor.json. Deterministic; reads files, never the network.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { compareArticles } from '../engine/index.js';
import { AnchorIndex } from '../eval/anchors.js';
import type { GoldIngestFile, GoldPair } from '../eval/gold-types.js';
import { articleBody, type BenchmarkScore, scoreBenchmark } from '../eval/score-html.js';
import { type IngestScore, scoreIngest, scoreRefused } from '../eval/score-ingest.js';
import { type PairScore, scorePair } from '../eval/score-pair.js';
import { engineTotals, type Floor, floorBreaches, ingestTotals, type Totals } from '../eval/totals.js';
import { ingestArticle } from '../ingest/index.js';
import { DEV_CORPUS, GOLD_DIR, goldFiles, REPO_CORPUS } from './gold-check.js';
import { ingestFile } from './ingest.js';

const USAGE =
  'Usage: npm run eval -- [--only ingest|engine|html] [--corpus DIR] [--gold DIR] [--html DIR] [--check-floor] [--quiet] [--write-html FILE]';
const HTML_BENCHMARK = join(DEV_CORPUS, '../html-benchmark');
const CUT = 100;

interface Options {
  only: 'ingest' | 'engine' | 'html' | null;
  corpus: string;
  gold: string;
  html: string;
  checkFloor: boolean;
  quiet: boolean;
  /** Where to write the benchmark bodies in the benchmark's own output format, for its evaluate.py. */
  writeHtml: string | null;
}

export interface EvalIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

function parseArgs(args: string[]): Options | string {
  const options: Options = {
    only: null,
    corpus: DEV_CORPUS,
    gold: GOLD_DIR,
    html: HTML_BENCHMARK,
    checkFloor: false,
    quiet: false,
    writeHtml: null,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--check-floor') options.checkFloor = true;
    else if (arg === '--quiet') options.quiet = true;
    else if (arg === '--only' && (value === 'ingest' || value === 'engine' || value === 'html')) {
      options.only = value;
      i++;
    } else if (
      (arg === '--corpus' || arg === '--gold' || arg === '--html' || arg === '--write-html') &&
      value !== undefined
    ) {
      if (arg === '--corpus') options.corpus = value;
      else if (arg === '--gold') options.gold = value;
      else if (arg === '--html') options.html = value;
      else options.writeHtml = value;
      i++;
    } else return `unexpected argument ${arg}`;
  }
  return options;
}

const cut = (text: string | undefined): string => {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > CUT ? `${flat.slice(0, CUT - 1)}…` : flat;
};

function readGold<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export async function run(args: string[], io: EvalIo = process): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.stderr.write(`parallax eval: ${options}\n${USAGE}\n`);
    return 2;
  }
  const out = (line: string): void => {
    io.stdout.write(`${line}\n`);
  };
  const detail = (line: string): void => {
    if (!options.quiet) out(line);
  };
  const totals: Totals = {};
  const errorKinds = new Map<string, number>();
  const tally = (kind: string): void => {
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  };

  if (options.only === null || options.only === 'engine') {
    const scores: PairScore[] = [];
    for (const path of goldFiles(join(options.gold, 'pairs'))) {
      const gold = readGold<GoldPair & { corpus?: string }>(path);
      const corpus = gold.corpus === 'repo' ? REPO_CORPUS : options.corpus;
      const sides = [gold.left, gold.right].map((side) =>
        ingestFile(join(corpus, gold.story, side.file), {
          id: basename(side.file).replace(/\.[^.]+$/, ''),
          outlet: side.outlet,
          ...(side.published === null ? {} : { published: side.published }),
        }),
      );
      const name = basename(path, '.json');
      const [left, right] = sides;
      if (left === undefined || right === undefined || 'error' in left || 'error' in right) {
        const failure = [left, right].find((side) => side !== undefined && 'error' in side);
        io.stderr.write(
          `parallax eval: ${name}: ${failure && 'error' in failure ? failure.error.message : 'no input'}\n`,
        );
        return 1;
      }
      const comparison = compareArticles(left.article, right.article);
      const score = scorePair(name, gold, comparison, new AnchorIndex(left.article), new AnchorIndex(right.article));
      scores.push(score);
      const c = score.counts;
      detail(`\n== pair ${name} (${gold.kind})`);
      detail(
        `   alignment P ${c.correctPairs}/${c.predictedPairs} R ${c.foundPairs}/${c.requiredPairs} · unannotated ${c.unannotatedPairs} · relations ${c.correctRelations}/${c.judgedRelations} · conflicts ${c.conflictsFound}/${c.goldConflicts} (agree for ${c.contradictionsLabelledAgree}) · only P ${c.correctOnly}/${c.predictedOnly} R ${c.onlyFound}/${c.goldOnly} · fact conflicts ${c.factConflictsFound}/${c.goldFactConflicts}, false ${c.falseFactConflicts} · junk entities ${c.junkEntities}/${c.entityRows}`,
      );
      for (const error of score.errors) {
        tally(`engine ${error.kind}`);
        const texts = [
          error.left === undefined ? '' : `L "${cut(error.left)}"`,
          error.right === undefined ? '' : `R "${cut(error.right)}"`,
        ]
          .filter(Boolean)
          .join(' ↔ ');
        detail(`   ${error.kind}: ${texts}${error.detail === undefined ? '' : ` [${cut(error.detail)}]`}`);
      }
    }
    totals.engine = engineTotals(scores);
  }

  if (options.only === null || options.only === 'ingest') {
    const scores: IngestScore[] = [];
    for (const path of goldFiles(join(options.gold, 'ingest'))) {
      const gold = readGold<GoldIngestFile>(path);
      const file = join(options.corpus, gold.story, gold.file);
      const name = `${gold.story}/${gold.file}`;
      const result = ingestFile(file);
      const score =
        'error' in result ? scoreRefused(name, gold, result.error.message) : scoreIngest(name, gold, result.article);
      scores.push(score);
      const c = score.counts;
      if (score.errors.length === 0) continue;
      detail(`\n== ingest ${name}`);
      detail(
        `   residue ${c.residueSentences}/${c.bodySentences} · paragraphs lost ${c.lostParagraphs}/${c.paragraphs}${gold.sentences ? ` · splits missed ${c.missedSplits}, extra ${c.extraSplits} of ${c.goldSentences}` : ''}`,
      );
      for (const error of score.errors) {
        tally(`ingest ${error.kind}`);
        detail(`   ${error.kind}: "${cut(error.text)}"${error.detail === undefined ? '' : ` [${cut(error.detail)}]`}`);
      }
    }
    totals.ingest = ingestTotals(scores);
  }

  if ((options.only === null || options.only === 'html') && existsSync(join(options.html, 'ground-truth.json'))) {
    totals.html = scoreHtmlBenchmark(options.html, detail, options.writeHtml);
  } else if (options.only === 'html') {
    io.stderr.write(`parallax eval: no benchmark at ${options.html}\n`);
    return 1;
  }

  out('\n== totals');
  if (totals.engine !== undefined) {
    const e = totals.engine;
    out(
      `engine (${e.pairs} pairs): alignment precision ${e.alignmentPrecision}, recall ${e.alignmentRecall} (${e.unannotatedPairs} predicted pairs hold an unannotated sentence); relations ${e.relationAccuracy}; conflicts found ${e.conflictsFound} of ${e.conflicts} (${e.conflictRecall}), ${e.contradictionsLabelledAgree} labelled agree; only-in precision ${e.onlyPrecision}, recall ${e.onlyRecall}; fact conflicts ${e.factConflictRecall}, false ${e.falseFactConflicts}; junk entity rows ${e.junkEntityShare}`,
    );
  }
  if (totals.ingest !== undefined) {
    const i = totals.ingest;
    out(
      `ingest (${i.files} files, ${i.refused} refused): residue ${i.residue} of body sentences; paragraphs lost ${i.lostParagraphs} of ${i.paragraphs}; sentences lost ${i.lostSentences}, splits missed ${i.missedSplits}, extra ${i.extraSplits} of ${i.goldSentences}; metadata right ${i.metadata.all} (title ${i.metadata.title}, agency ${i.metadata.agency}, dateline ${i.metadata.dateline}, published ${i.metadata.published}), ${i.spuriousMetadata} spurious`,
    );
  }
  if (totals.html !== undefined) {
    const h = totals.html;
    out(
      `html benchmark (${h.pages} pages): F1 ${h.f1}, precision ${h.precision}, recall ${h.recall}, exact ${h.accuracy}`,
    );
  }
  if (errorKinds.size > 0) {
    out(
      `errors by kind: ${[...errorKinds]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}`,
    );
  }
  let status = 0;
  if (options.checkFloor) {
    const floor = readGold<Floor>(join(options.gold, 'floor.json'));
    const breaches = floorBreaches(totals, floor);
    for (const breach of breaches) io.stderr.write(`parallax eval: below the floor: ${breach}\n`);
    out(breaches.length === 0 ? 'floor: every figure holds' : `floor: ${breaches.length} figure(s) broken`);
    if (breaches.length > 0) status = 1;
  }
  out(JSON.stringify(totals));
  return status;
}

/** Runs the HTML ingest on every benchmark page and scores the bodies with the benchmark's metric; the published
 * outputs of other extractors are scored the same way, so the figures stand side by side. */
function scoreHtmlBenchmark(dir: string, detail: (line: string) => void, writeTo: string | null): BenchmarkScore {
  const truthJson = readGold<Record<string, { articleBody?: string }>>(join(dir, 'ground-truth.json'));
  const truth = Object.fromEntries(Object.entries(truthJson).map(([id, page]) => [id, page.articleBody ?? '']));
  const prediction: Record<string, string> = {};
  let refused = 0;
  for (const id of Object.keys(truth)) {
    const raw = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)));
    try {
      prediction[id] = articleBody(ingestArticle({ raw, hints: { contentType: 'text/html' } }));
    } catch {
      refused++;
      prediction[id] = '';
    }
  }
  if (writeTo !== null) {
    const output = Object.fromEntries(Object.entries(prediction).map(([id, body]) => [id, { articleBody: body }]));
    writeFileSync(writeTo, `${JSON.stringify({ version: 'parallax', output })}\n`);
  }
  const ours = scoreBenchmark(truth, prediction);
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  detail(`\n== html benchmark (${ours.pages} pages, ${refused} refused by the ingest)`);
  detail(
    `   parallax             F1 ${round(ours.f1)}  precision ${round(ours.precision)}  recall ${round(ours.recall)}`,
  );
  const outputs = join(dir, 'output');
  for (const file of existsSync(outputs) ? readdirSync(outputs).sort() : []) {
    if (!file.endsWith('.json')) continue;
    const data = readGold<{ output?: Record<string, { articleBody?: string }> }>(join(outputs, file));
    const theirs = Object.fromEntries(
      Object.entries(data.output ?? {}).map(([id, page]) => [id, page.articleBody ?? '']),
    );
    const score = scoreBenchmark(truth, theirs);
    detail(
      `   ${file.replace(/\.json$/, '').padEnd(20)} F1 ${round(score.f1)}  precision ${round(score.precision)}  recall ${round(score.recall)}`,
    );
  }
  return {
    pages: ours.pages,
    f1: round(ours.f1),
    precision: round(ours.precision),
    recall: round(ours.recall),
    accuracy: round(ours.accuracy),
  };
}
