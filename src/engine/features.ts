// Sentence features: what the similarity, the labels and the facts table look at. One pass over an
// article in reading order, because "the daily" and "he said" refer back to earlier sentences.
import type { Article, Sentence } from '../types.js';
import { type EntityContext, type EntityMention, findAliasedEntities, newEntityContext } from './aliases.js';
import { findOtherEntities } from './capitalised-names.js';
import synonymData from './data/synonyms.json' with { type: 'json' };
import { type DateMention, findDates, parsePublished } from './dates.js';
import { WordTable } from './memo.js';
import { STOPWORDS, stem } from './nlp.js';
import { findNumbers, type NumberMention } from './numbers.js';
import { findQuotes, newQuoteContext, type QuoteContext, type QuoteMention, type Speaker } from './quotes.js';
import { foldForMatch, forEachWord, SpanCursor } from './text.js';

export interface SentenceFeatures {
  index: number;
  role: Sentence['role'];
  paragraph: number;
  text: string;
  /** Feature term → weighted count: stems (synonyms merged), "~" stem prefixes, "e:" entities, "n:" numbers, "d:" dates. */
  terms: Map<string, number>;
  /** Stems of the words inside quotes: two outlets quoting the same words get extra credit. */
  quoteTerms: Map<string, number>;
  /** Content-word stems, for telling added detail from rewording. */
  stems: Set<string>;
  entities: EntityMention[];
  numbers: NumberMention[];
  dates: DateMention[];
  quotes: QuoteMention[];
  /** Who the sentence attributes its words to, if it says so (a pronoun resolved to the last speaker). */
  speaker: Speaker | null;
  /** The negation words of the sentence, as written: "never knew" → ["never"]. */
  negations: string[];
}

/** How much each kind of feature counts in the similarity, relative to a plain word (1). */
export interface FeatureWeights {
  entity: number;
  number: number;
  date: number;
  /** Similarity added, at most, when the quoted words of both sentences are the same (cosine 1 → + this). */
  quoteBonus: number;
}

const NEGATIONS = new Set(['not', 'no', 'never', 'neither', 'nor', 'none', 'nobody', 'nothing', 'cannot', 'without']);

/** Stem → the stem of its synonym group's first member: soldiers → soldier → troop. */
const SYNONYM = new Map<string, string>();
for (const group of synonymData.groups) {
  const canonical = stem(group[0] ?? '');
  for (const word of group) {
    SYNONYM.set(word, canonical);
    SYNONYM.set(stem(word), canonical);
  }
}

function addTerm(terms: Map<string, number>, term: string, weight: number): void {
  terms.set(term, (terms.get(term) ?? 0) + weight);
}

/** What the terms need to know of one word, looked up once per word instead of in four tables. */
interface WordInfo {
  /** A negation word ("never", "didn't"). */
  negation: boolean;
  /** The word's stem, or null for a stop word or a single letter (no term). */
  stem: string | null;
  /** The stem of the word's synonym group's first member: soldiers → soldier → troop. */
  term: string;
  /** The parts of a hyphenated word, which count too ("long-range" → long, range); null without a hyphen. */
  parts: WordInfo[] | null;
}

/** WordInfo by word, kept from one comparison to the next (bounded, as the stem table of nlp.ts). */
const WORD_INFO = new WordTable<WordInfo>();

function wordInfo(word: string): WordInfo {
  let info = WORD_INFO.get(word);
  if (info === undefined) {
    const negation = NEGATIONS.has(word) || word.endsWith("n't");
    const parts = word.includes('-') ? word.split('-').map(wordInfo) : null;
    if (word.length < 2 || STOPWORDS.has(word)) info = { negation, stem: null, term: '', parts };
    else {
      const stemmed = stem(word);
      info = { negation, stem: stemmed, term: SYNONYM.get(stemmed) ?? stemmed, parts };
    }
    WORD_INFO.set(word, info);
  }
  return info;
}

/**
 * One word's stem as a term (synonyms merged), unless it is a stop word or a single letter; also a quote
 * term when `quoteTerms` is given (the word is inside a quote).
 */
function addWordTerms(
  info: WordInfo,
  terms: Map<string, number>,
  quoteTerms: Map<string, number> | null,
  stems: Set<string>,
): void {
  if (info.stem === null) return;
  stems.add(info.stem);
  addTerm(terms, info.term, 1);
  if (quoteTerms !== null) addTerm(quoteTerms, info.term, 1);
}

/**
 * Two lists each in order of `start` as one, the first list's item first at a tie: what a (stable) sort of the
 * two joined gives, without the sort. Always a new array.
 */
export function mergeByStart<T extends { start: number }>(first: ReadonlyArray<T>, second: ReadonlyArray<T>): T[] {
  if (second.length === 0) return first.slice();
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    const a = first[i] as T;
    const b = second[j] as T;
    if (b.start < a.start) {
      merged.push(b);
      j++;
    } else {
      merged.push(a);
      i++;
    }
  }
  while (i < first.length) merged.push(first[i++] as T);
  while (j < second.length) merged.push(second[j++] as T);
  return merged;
}

/** Features of every sentence of an article, in sentence order. */
type SentencePayload = Omit<SentenceFeatures, 'index' | 'role' | 'paragraph'>;

interface CachedSentence {
  /** The reading context the features were computed in (contextKey). */
  context: string;
  payload: SentencePayload;
  /** Alias-table mentions, replayed into the entity context so "the daily" resolves as if read again. */
  aliased: EntityMention[];
  insideQuoteAfter: boolean;
  lastSpeakerAfter: Speaker | null;
}

/**
 * Features already computed in this comparison, by sentence text, then by the reading context that can
 * change them (most texts are read in one context). Wire copy repeats most sentences word for word across
 * outlets and versions, so both sides share it. Keyed by the text itself rather than by context + text: a
 * key built per sentence is a new string of the sentence's length to copy and hash on every lookup, the
 * text is hashed once (and the fold memo asks for its hash too).
 */
export type FeatureCache = Map<string, CachedSentence[]>;

/** What of the reading context can change a sentence's features: date, newspaper named last, open quote, speaker. */
function contextKey(published: string | null, entities: EntityContext, quotes: QuoteContext): string {
  const newspaper = entities.lastOfKind.get('newspaper')?.key ?? '';
  return `${published ?? ''}\u0000${newspaper}\u0000${quotes.insideQuote ? 1 : 0}\u0000${quotes.lastSpeaker?.key ?? ''}\u0000${quotes.lastSpeaker?.text ?? ''}`;
}

/** Features of every sentence of an article, in sentence order. */
export function extractFeatures(
  article: Pick<Article, 'sentences' | 'published'>,
  weights: FeatureWeights,
  cache: FeatureCache = new Map(),
): SentenceFeatures[] {
  const published = parsePublished(article.published);
  const entityContext = newEntityContext();
  const quoteContext = newQuoteContext();
  return article.sentences.map((sentence) => {
    const context = contextKey(article.published, entityContext, quoteContext);
    let readings = cache.get(sentence.text);
    if (readings === undefined) {
      readings = [];
      cache.set(sentence.text, readings);
    }
    let cached: CachedSentence | undefined;
    for (const reading of readings) if (reading.context === context) cached = reading;
    if (cached === undefined) {
      const payload = sentencePayload(sentence.text, published, weights, entityContext, quoteContext);
      cached = {
        context,
        payload,
        aliased: payload.entities.filter((entity) => entity.kind !== 'name'),
        insideQuoteAfter: quoteContext.insideQuote,
        lastSpeakerAfter: quoteContext.lastSpeaker,
      };
      readings.push(cached);
    } else {
      for (const mention of cached.aliased) entityContext.lastOfKind.set(mention.kind, mention);
      quoteContext.insideQuote = cached.insideQuoteAfter;
      quoteContext.lastSpeaker = cached.lastSpeakerAfter;
    }
    // Field by field rather than a spread: one object shape for every sentence, and no copy loop.
    const payload = cached.payload;
    return {
      index: sentence.index,
      role: sentence.role,
      paragraph: sentence.paragraph,
      text: payload.text,
      terms: payload.terms,
      quoteTerms: payload.quoteTerms,
      stems: payload.stems,
      entities: payload.entities,
      numbers: payload.numbers,
      dates: payload.dates,
      quotes: payload.quotes,
      speaker: payload.speaker,
      negations: payload.negations,
    };
  });
}

function sentencePayload(
  text: string,
  published: Date | null,
  weights: FeatureWeights,
  entityContext: EntityContext,
  quoteContext: QuoteContext,
): SentencePayload {
  const aliased = findAliasedEntities(text, entityContext);
  const entities = mergeByStart(aliased, findOtherEntities(text, aliased));
  const dates = findDates(text, published);
  const scan = findNumbers(text);
  let yearsAdded = false;
  const inDates = new SpanCursor(dates);
  for (const year of scan.years) {
    if (!inDates.overlaps(year.start, year.end)) {
      dates.push({ value: String(year.year), precision: 'year', text: year.text, start: year.start, end: year.end });
      yearsAdded = true;
    }
  }
  // findDates gives its dates in text order: only years added after them need a sort.
  if (yearsAdded) dates.sort((a, b) => a.start - b.start);
  const inAllDates = new SpanCursor(dates);
  const numbers = scan.numbers.filter((number) => !inAllDates.overlaps(number.start, number.end));
  const { quotes, speaker } = findQuotes(text, quoteContext);

  const terms = new Map<string, number>();
  const quoteTerms = new Map<string, number>();
  const stems = new Set<string>();
  const negations: string[] = [];
  const inNames = new SpanCursor(aliased);
  const inDateWords = new SpanCursor(dates);
  const inQuotes = new SpanCursor(quotes);
  forEachWord(foldForMatch(text), (token, start, end) => {
    const word = token.endsWith("'s") ? token.slice(0, -2) : token;
    const info = wordInfo(word);
    if (info.negation) negations.push(word);
    // A stop word (no hyphen) adds no term, wherever it stands: "the", "said".
    if (info.stem === null && info.parts === null) return;
    // Each cursor is asked of every content word, in text order (|| must not skip one of them).
    const named = inNames.overlaps(start, end);
    const dated = inDateWords.overlaps(start, end);
    const inQuote = inQuotes.overlaps(start, end);
    if (named || dated) return;
    const quoted = inQuote ? quoteTerms : null;
    // A hyphenated word counts whole and by its parts: "long-range" → long-range, long, range.
    addWordTerms(info, terms, quoted, stems);
    if (info.parts !== null) for (const part of info.parts) addWordTerms(part, terms, quoted, stems);
  });
  for (const entity of entities) addTerm(terms, `e:${entity.key}`, weights.entity);
  for (const number of numbers) {
    addTerm(terms, `n:${number.noun}:${number.value}`, weights.number);
    // The counted noun alone, so "10,000 soldiers" and "11,000 troops" still look like one fact told two ways.
    if (number.noun !== '') addTerm(terms, `n:${number.noun}`, 1);
  }
  for (const date of dates) addTerm(terms, `d:${date.value}`, weights.date);
  return { text, terms, quoteTerms, stems, entities, numbers, dates, quotes, speaker, negations };
}
