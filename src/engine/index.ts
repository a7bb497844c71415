// The comparison engine: two clean Articles in, one Comparison (contract schemaVersion 1) out.
// Pure, deterministic and synchronous; the stages run in this order every time:
// features → IDF → alignment (captions only against captions) → word diff → labels → facts → summary.
import { ENGINE } from '../config.js';
import { bug } from '../errors.js';
import type { Alignment, Article, Comparison, ComparisonSide, ComparisonSummary, Sentence } from '../types.js';
import { type AlignedGroup, type AlignOptions, alignSentences } from './align.js';
import { type ClassifyOptions, classifyPair, pairConflicts } from './classify.js';
import { buildFacts, type FactOptions, type PairedConflict } from './facts.js';
import { extractFeatures, type FeatureCache, type FeatureWeights, type SentenceFeatures } from './features.js';
import { clearMemos } from './memo.js';
import { buildIdf, type CorpusStats, countDocumentFrequency, mergeStemVariants } from './similarity.js';
import { diffSentences } from './word-diff.js';

/** Bump whenever the output for the same input can change: stores cache comparisons under it. */
export const ENGINE_VERSION = '1.2.0';

/** Every tunable of the engine; defaults are ENGINE in src/config.ts. */
/**
 * Every tunable of the engine (src/config.ts ENGINE, with its unit and reason), reaching each use through this
 * object, so that `compareArticles(a, b, { settings })` overrides any of them. Only this file reads ENGINE (a lint
 * rule keeps it so).
 */
export interface EngineSettings extends Omit<AlignOptions, 'quoteBonus'>, ClassifyOptions, FactOptions {
  featureWeights: FeatureWeights;
  diffMaxEditLength: number;
  minSharedStem: number;
}

export interface CompareOptions {
  /** Document frequencies from other articles, so IDF reflects more than the two articles compared. */
  corpus?: CorpusStats;
  /** Overrides of ENGINE settings, for experiments and tests. */
  settings?: Partial<EngineSettings>;
}

const DEFAULT_SETTINGS: EngineSettings = { ...ENGINE, featureWeights: { ...ENGINE.featureWeights } };
/** Fails to compile when src/config.ts gains an ENGINE setting that EngineSettings does not carry to its use. */
const EVERY_SETTING_CARRIED: [Exclude<keyof typeof ENGINE, keyof EngineSettings>] extends [never] ? true : never = true;
void EVERY_SETTING_CARRIED;
const DEFAULT_ALIGN_OPTIONS: AlignOptions = {
  ...DEFAULT_SETTINGS,
  quoteBonus: DEFAULT_SETTINGS.featureWeights.quoteBonus,
};

/**
 * An article with its sentence features, extracted once: a story's corpus statistics and every comparison the
 * article takes part in read them instead of extracting them again (extraction is most of a comparison's work).
 */
export interface PreparedArticle {
  readonly article: Article;
  readonly features: ReadonlyArray<SentenceFeatures>;
}

/** Extracts an article's features for buildCorpusStats and compareArticles (with the default feature weights). */
export function prepareArticle(article: Article): PreparedArticle {
  clearMemos();
  try {
    return { article, features: extractFeatures(article, DEFAULT_SETTINGS.featureWeights) };
  } finally {
    clearMemos();
  }
}

function isPrepared(side: Article | PreparedArticle): side is PreparedArticle {
  return 'features' in side;
}

function articleOf(side: Article | PreparedArticle): Article {
  return isPrepared(side) ? side.article : side;
}

/** Sentence-level document frequencies of the engine's feature terms over a set of articles. */
export function buildCorpusStats(articles: ReadonlyArray<Article | PreparedArticle>): CorpusStats {
  const documentFrequency = new Map<string, number>();
  let documents = 0;
  clearMemos();
  try {
    for (const side of articles) {
      const features = isPrepared(side) ? side.features : extractFeatures(side, DEFAULT_SETTINGS.featureWeights);
      countDocumentFrequency(features, documentFrequency);
      documents += features.length;
    }
  } finally {
    clearMemos();
  }
  return { documents, documentFrequency };
}

/**
 * A side's features for one comparison: a prepared article's own (their term maps copied, since the comparison
 * merges stem variants in them; maps that sentences share stay shared), or extracted now.
 */
function featuresFor(
  side: Article | PreparedArticle,
  settings: EngineSettings,
  cache: FeatureCache,
): SentenceFeatures[] {
  if (!isPrepared(side) || settings.featureWeights !== DEFAULT_SETTINGS.featureWeights) {
    return extractFeatures(articleOf(side), settings.featureWeights, cache);
  }
  const copies = new Map<Map<string, number>, Map<string, number>>();
  const copy = (map: Map<string, number>): Map<string, number> => {
    let copied = copies.get(map);
    if (copied === undefined) {
      copied = new Map(map);
      copies.set(map, copied);
    }
    return copied;
  };
  return side.features.map((sentence) => ({
    ...sentence,
    terms: copy(sentence.terms),
    quoteTerms: copy(sentence.quoteTerms),
  }));
}

function sideOf(article: Article): ComparisonSide {
  return {
    id: article.id,
    outlet: article.outlet,
    agency: article.agency,
    title: article.title,
    dateline: article.dateline,
    published: article.published,
    version: article.version,
    sentences: article.sentences,
    removed: article.removed,
  };
}

function outletName(article: Article, fallback: string): string {
  return article.outlet ?? article.agency ?? fallback;
}

/** Round a similarity for output: four decimals are more than a reader needs and keep the JSON stable. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Every sentence index of an article exactly once in alignments or one-side lists, or it is a bug. */
function checkCoverage(sentences: ReadonlyArray<Sentence>, used: number[], side: string): void {
  const sorted = [...used].sort((a, b) => a - b);
  const expected = sentences.map((sentence) => sentence.index).sort((a, b) => a - b);
  if (sorted.length !== expected.length || sorted.some((index, i) => index !== expected[i])) {
    throw bug(`${side} sentences are not each used exactly once in the comparison`);
  }
}

/**
 * Compare two articles sentence by sentence and fact by fact.
 *
 * `summary.overlap` is the share of body sentences, counted on both sides together, that belong to a
 * matched pair: (matched left body sentences + matched right body sentences) / (left body sentences +
 * right body sentences). 1 means every body sentence of each article has a counterpart in the other;
 * 0 means none has. Captions and standfirsts are not counted. `summary.leftOnly`/`rightOnly` count every
 * unmatched sentence (captions included), exactly the lengths of `leftOnly`/`rightOnly`.
 */
export function compareArticles(
  left: Article | PreparedArticle,
  right: Article | PreparedArticle,
  options: CompareOptions = {},
): Comparison {
  clearMemos();
  try {
    return compare(left, right, options);
  } finally {
    clearMemos();
  }
}

function isCaption(sentence: SentenceFeatures): boolean {
  return sentence.role === 'caption';
}

function byIndex(features: SentenceFeatures[]): Map<number, SentenceFeatures> {
  return new Map(features.map((f) => [f.index, f]));
}

/** The body sentences of an article, or those of them in `only`. */
function bodyCount(sentences: ReadonlyArray<Sentence>, only?: Set<number>): number {
  return sentences.filter((s) => s.role === 'body' && (only === undefined || only.has(s.index))).length;
}

function compare(
  leftInput: Article | PreparedArticle,
  rightInput: Article | PreparedArticle,
  options: CompareOptions,
): Comparison {
  const left = articleOf(leftInput);
  const right = articleOf(rightInput);
  // The defaults are built once: spreading twenty-odd settings into two new objects showed in profiles.
  const settings: EngineSettings =
    options.settings === undefined ? DEFAULT_SETTINGS : { ...DEFAULT_SETTINGS, ...options.settings };
  const alignOptions: AlignOptions =
    settings === DEFAULT_SETTINGS
      ? DEFAULT_ALIGN_OPTIONS
      : { ...settings, quoteBonus: settings.featureWeights.quoteBonus };
  const cache: FeatureCache = new Map();
  const leftFeatures = featuresFor(leftInput, settings, cache);
  const rightFeatures = featuresFor(rightInput, settings, cache);
  const documentFrequency = mergeStemVariants([leftFeatures, rightFeatures], settings.minSharedStem);
  const idf = buildIdf([leftFeatures, rightFeatures], options.corpus, documentFrequency);

  const body = alignSentences(
    leftFeatures.filter((s) => !isCaption(s)),
    rightFeatures.filter((s) => !isCaption(s)),
    idf,
    alignOptions,
  );
  const captions = alignSentences(leftFeatures.filter(isCaption), rightFeatures.filter(isCaption), idf, alignOptions);
  const groups: AlignedGroup[] = [...body.groups, ...captions.groups].sort(
    (a, b) => (a.left[0] ?? 0) - (b.left[0] ?? 0) || (a.right[0] ?? 0) - (b.right[0] ?? 0),
  );
  const leftOnly = [...body.leftOnly, ...captions.leftOnly].sort((a, b) => a - b);
  const rightOnly = [...body.rightOnly, ...captions.rightOnly].sort((a, b) => a - b);
  checkCoverage(left.sentences, [...groups.flatMap((g) => g.left), ...leftOnly], 'left');
  checkCoverage(right.sentences, [...groups.flatMap((g) => g.right), ...rightOnly], 'right');

  const leftByIndex = byIndex(leftFeatures);
  const rightByIndex = byIndex(rightFeatures);
  const leftName = outletName(left, 'the left article');
  const rightName = outletName(right, 'the right article');
  const paired: PairedConflict[] = [];
  const alignments: Alignment[] = groups.map((group) => {
    const leftSide = { features: group.left.map((i) => leftByIndex.get(i) as SentenceFeatures), name: leftName };
    const rightSide = { features: group.right.map((j) => rightByIndex.get(j) as SentenceFeatures), name: rightName };
    const diff = diffSentences(
      leftSide.features.map((s) => s.text).join(' '),
      rightSide.features.map((s) => s.text).join(' '),
      settings.diffMaxEditLength,
    );
    const identical = diff.runs.length <= 1 && diff.runs.every((run) => run.op === 'equal');
    const conflicts = pairConflicts(leftSide, rightSide, diff.runs, settings);
    const { relation, reasons } = identical
      ? { relation: 'agree' as const, reasons: [] }
      : classifyPair(leftSide, rightSide, diff.runs, diff.truncated, settings, conflicts);
    const leftSentence = group.left[0] ?? 0;
    const rightSentence = group.right[0] ?? 0;
    for (const [a, b] of conflicts.numbers) {
      paired.push({
        kind: 'number',
        leftSentence,
        rightSentence,
        leftValue: `${a.mention.noun}|${a.mention.value}`,
        rightValue: `${b.mention.noun}|${b.mention.value}`,
      });
    }
    for (const [a, b] of conflicts.dates) {
      paired.push({ kind: 'date', leftSentence, rightSentence, leftValue: a.value, rightValue: b.value });
    }
    if (conflicts.quote !== null) {
      for (const l of group.left)
        for (const r of group.right) {
          paired.push({ kind: 'quote', leftSentence: l, rightSentence: r, leftValue: '', rightValue: '' });
        }
    }
    const alignment: Alignment = {
      left: group.left,
      right: group.right,
      relation,
      similarity: round(group.similarity),
      moved: group.moved,
      reasons,
      diff: diff.runs,
    };
    if (diff.truncated) alignment.diffTruncated = true;
    return alignment;
  });

  const facts = buildFacts(leftFeatures, rightFeatures, paired, settings);
  const matchedLeft = new Set(groups.flatMap((g) => g.left));
  const matchedRight = new Set(groups.flatMap((g) => g.right));
  const bodyTotal = bodyCount(left.sentences) + bodyCount(right.sentences);
  const summary: ComparisonSummary = {
    agree: alignments.filter((a) => a.relation === 'agree').length,
    differ: alignments.filter((a) => a.relation === 'differ').length,
    leftOnly: leftOnly.length,
    rightOnly: rightOnly.length,
    overlap:
      bodyTotal === 0
        ? 0
        : round((bodyCount(left.sentences, matchedLeft) + bodyCount(right.sentences, matchedRight)) / bodyTotal),
  };
  return {
    schemaVersion: 1,
    left: sideOf(left),
    right: sideOf(right),
    alignments,
    leftOnly,
    rightOnly,
    facts,
    summary,
  };
}

export type { AlignOptions } from './align.js';
export type { FeatureWeights } from './features.js';
export type { CorpusStats } from './similarity.js';
