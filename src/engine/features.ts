// Sentence features: what the similarity, the labels and the facts table look at. One pass over an
// article in reading order, because "the daily" and "he said" refer back to earlier sentences.
import type { Article, Sentence } from '../types.js';
import { type EntityMention, findAliasedEntities, findOtherEntities, newEntityContext } from './aliases.js';
import synonymData from './data/synonyms.json' with { type: 'json' };
import { type DateMention, findDates, parsePublished } from './dates.js';
import { STOPWORDS, stem } from './nlp.js';
import { findNumbers, type NumberMention } from './numbers.js';
import { findQuotes, newQuoteContext, type QuoteMention, type Speaker } from './quotes.js';
import { foldForMatch, tokenize } from './text.js';

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

function overlaps(start: number, end: number, spans: ReadonlyArray<{ start: number; end: number }>): boolean {
  return spans.some((span) => start < span.end && span.start < end);
}

function addTerm(terms: Map<string, number>, term: string, weight: number): void {
  terms.set(term, (terms.get(term) ?? 0) + weight);
}

/** Features of every sentence of an article, in sentence order. */
export function extractFeatures(
  article: Pick<Article, 'sentences' | 'published'>,
  weights: FeatureWeights,
): SentenceFeatures[] {
  const published = parsePublished(article.published);
  const entityContext = newEntityContext();
  const quoteContext = newQuoteContext();
  return article.sentences.map((sentence) => {
    const text = sentence.text;
    const aliased = findAliasedEntities(text, entityContext);
    const entities = [...aliased, ...findOtherEntities(text, aliased)].sort((a, b) => a.start - b.start);
    const dates = findDates(text, published);
    const scan = findNumbers(text);
    for (const year of scan.years) {
      if (!overlaps(year.start, year.end, dates)) {
        dates.push({ value: String(year.year), precision: 'year', text: year.text, start: year.start, end: year.end });
      }
    }
    dates.sort((a, b) => a.start - b.start);
    const numbers = scan.numbers.filter((number) => !overlaps(number.start, number.end, dates));
    const { quotes, speaker } = findQuotes(text, quoteContext);

    const terms = new Map<string, number>();
    const quoteTerms = new Map<string, number>();
    const stems = new Set<string>();
    const negations: string[] = [];
    const folded = foldForMatch(text);
    for (const token of tokenize(folded)) {
      if (token.kind !== 'word') continue;
      const word = token.text.replace(/'s$/, '');
      if (NEGATIONS.has(word) || word.endsWith("n't")) negations.push(word);
      if (overlaps(token.start, token.end, aliased) || overlaps(token.start, token.end, dates)) continue;
      const quoted = overlaps(token.start, token.end, quotes);
      for (const part of word.includes('-') ? [word, ...word.split('-')] : [word]) {
        if (part.length < 2 || STOPWORDS.has(part)) continue;
        const stemmed = stem(part);
        stems.add(stemmed);
        const term = SYNONYM.get(stemmed) ?? stemmed;
        addTerm(terms, term, 1);
        if (quoted) addTerm(quoteTerms, term, 1);
      }
    }
    for (const entity of entities) addTerm(terms, `e:${entity.key}`, weights.entity);
    for (const number of numbers) {
      addTerm(terms, `n:${number.noun}:${number.value}`, weights.number);
      // The counted noun alone, so "10,000 soldiers" and "11,000 troops" still look like one fact told two ways.
      if (number.noun !== '') addTerm(terms, `n:${number.noun}`, 1);
    }
    for (const date of dates) addTerm(terms, `d:${date.value}`, weights.date);
    return {
      index: sentence.index,
      role: sentence.role,
      paragraph: sentence.paragraph,
      text,
      terms,
      quoteTerms,
      stems,
      entities,
      numbers,
      dates,
      quotes,
      speaker,
      negations,
    };
  });
}
