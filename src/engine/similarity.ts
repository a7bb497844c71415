// TF-IDF-weighted cosine between sentences. A term's IDF comes from the sentences of both articles plus
// an optional corpus, so a story's ubiquitous words ("North Korean", "soldier") count for little and a
// rare one ("grenade", "80 percent") for much.
import { ENGINE } from '../config.js';
import type { SentenceFeatures } from './features.js';

/** Sentence-level document frequencies of feature terms over a set of articles (see buildCorpusStats). */
export interface CorpusStats {
  /** Number of sentences counted. */
  documents: number;
  /** Term → number of those sentences that contain it. */
  documentFrequency: ReadonlyMap<string, number>;
}

export type IdfFunction = (term: string) => number;

/**
 * Merge stems that extend a shorter stem of the two articles into it, in place, in every term map.
 * Only plain stems are merged, never entity, number or date terms (which carry a prefix such as "e:").
 */
export function mergeStemVariants(sides: ReadonlyArray<ReadonlyArray<SentenceFeatures>>): void {
  const stems = new Set<string>();
  for (const side of sides) {
    for (const sentence of side) for (const term of sentence.terms.keys()) if (!term.includes(':')) stems.add(term);
  }
  const canonical = new Map<string, string>();
  for (const stem of stems) {
    for (let length = ENGINE.minSharedStem; length < stem.length; length++) {
      const prefix = stem.slice(0, length);
      if (stems.has(prefix)) {
        canonical.set(stem, prefix);
        break;
      }
    }
  }
  if (canonical.size === 0) return;
  for (const side of sides) {
    for (const sentence of side) {
      for (const map of [sentence.terms, sentence.quoteTerms]) {
        // Most sentences hold no merged stem: copy and rewrite only the maps that do.
        if (!hasAnyKey(map, canonical)) continue;
        for (const [term, count] of [...map]) {
          const target = canonical.get(term);
          if (target === undefined) continue;
          map.delete(term);
          map.set(target, (map.get(target) ?? 0) + count);
        }
      }
    }
  }
}

function hasAnyKey(map: ReadonlyMap<string, number>, keys: ReadonlyMap<string, string>): boolean {
  for (const key of map.keys()) if (keys.has(key)) return true;
  return false;
}

export function countDocumentFrequency(sentences: ReadonlyArray<SentenceFeatures>, into: Map<string, number>): void {
  for (const sentence of sentences) {
    for (const term of sentence.terms.keys()) into.set(term, (into.get(term) ?? 0) + 1);
  }
}

/**
 * IDF = ln((N + 1) / df): a term in nearly every sentence of the story ("North Korea", "soldier") counts for
 * almost nothing, one in two sentences ("grenade", "Constitution") for much. A term seen nowhere else (df 0,
 * possible with a corpus that lacks it) counts as if seen once.
 */
export function buildIdf(
  sides: ReadonlyArray<ReadonlyArray<SentenceFeatures>>,
  corpus: CorpusStats | undefined,
): IdfFunction {
  const local = new Map<string, number>();
  let documents = corpus?.documents ?? 0;
  for (const side of sides) {
    countDocumentFrequency(side, local);
    documents += side.length;
  }
  const cache = new Map<string, number>();
  return (term) => {
    let idf = cache.get(term);
    if (idf === undefined) {
      const df = (local.get(term) ?? 0) + (corpus?.documentFrequency.get(term) ?? 0);
      idf = Math.log((documents + 1) / Math.max(1, df));
      cache.set(term, idf);
    }
    return idf;
  };
}

/** A unit-length TF-IDF vector. */
export interface TermVector {
  weights: Map<string, number>;
}

export function vectorOf(termGroups: ReadonlyArray<ReadonlyMap<string, number>>, idf: IdfFunction): TermVector {
  const weights = new Map<string, number>();
  for (const terms of termGroups) {
    for (const [term, count] of terms) weights.set(term, (weights.get(term) ?? 0) + count);
  }
  let norm = 0;
  for (const [term, count] of weights) {
    const weight = count * idf(term);
    weights.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, weight] of weights) weights.set(term, weight / norm);
  return { weights };
}

export function cosine(a: TermVector, b: TermVector): number {
  // No destructured pair here: this runs for every scored sentence pair, and the array was garbage each time.
  const small = a.weights.size <= b.weights.size ? a.weights : b.weights;
  const large = small === a.weights ? b.weights : a.weights;
  let dot = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += weight * other;
  }
  return Math.min(1, Math.max(0, dot));
}

/** A sentence (or group of sentences) ready for scoring: its terms, and separately its quoted words. */
export interface SentenceVector {
  main: TermVector;
  quoted: TermVector | null;
}

export function sentenceVector(
  sentences: ReadonlyArray<Pick<SentenceFeatures, 'terms' | 'quoteTerms'>>,
  idf: IdfFunction,
): SentenceVector {
  const quoteGroups = sentences.map((sentence) => sentence.quoteTerms).filter((terms) => terms.size > 0);
  return {
    main: vectorOf(
      sentences.map((sentence) => sentence.terms),
      idf,
    ),
    quoted: quoteGroups.length === 0 ? null : vectorOf(quoteGroups, idf),
  };
}

/**
 * Cosine of the terms, plus a bonus when both sentences quote the same words. The bonus is added rather
 * than mixed into the cosine so that a quote set against a paraphrase of it is not penalised.
 */
export function similarity(a: SentenceVector, b: SentenceVector, quoteBonus: number): number {
  const base = cosine(a.main, b.main);
  const quoted = a.quoted !== null && b.quoted !== null ? cosine(a.quoted, b.quoted) : 0;
  return Math.min(1, base + quoteBonus * quoted);
}
