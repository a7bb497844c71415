// Scores one ingested file against its gold: page furniture left in the body (residue), real paragraphs and
// sentences lost, missed and extra sentence splits, and the metadata fields the page shows.

import type { Article, SentenceRole } from '../types.js';
import { AnchorIndex } from './anchors.js';
import { fold, foldWithOffsets } from './fold.js';
import type { FurnitureRole, GoldIngestFile } from './gold-types.js';

export const METADATA_FIELDS = ['title', 'agency', 'dateline', 'published'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export interface IngestError {
  kind: 'residue' | 'lost-paragraph' | 'lost-sentence' | 'missed-split' | 'extra-split' | 'metadata' | 'refused';
  text: string;
  detail?: string;
}

export interface IngestCounts {
  files: number;
  refused: number;
  bodySentences: number;
  residueSentences: number;
  paragraphs: number;
  lostParagraphs: number;
  goldSentences: number;
  lostSentences: number;
  missedSplits: number;
  extraSplits: number;
  metadata: Record<MetadataField, { shown: number; right: number; spurious: number }>;
}

export interface IngestScore {
  name: string;
  counts: IngestCounts;
  errors: IngestError[];
}

export function emptyIngestCounts(): IngestCounts {
  const field = () => ({ shown: 0, right: 0, spurious: 0 });
  return {
    files: 0,
    refused: 0,
    bodySentences: 0,
    residueSentences: 0,
    paragraphs: 0,
    lostParagraphs: 0,
    goldSentences: 0,
    lostSentences: 0,
    missedSplits: 0,
    extraSplits: 0,
    metadata: { title: field(), agency: field(), dateline: field(), published: field() },
  };
}

/** Roles a sentence may have and still be counted as compared text. */
const COMPARED: ReadonlySet<SentenceRole> = new Set(['body', 'standfirst']);

/** A line of furniture is fine removed, or kept with the role it has on the page. */
function keptAsItsRole(furniture: FurnitureRole, role: SentenceRole): boolean {
  return (furniture === 'caption' && role === 'caption') || (furniture === 'standfirst' && role === 'standfirst');
}

/** The score of a file the ingest refused: every paragraph and sentence lost. */
export function scoreRefused(name: string, gold: GoldIngestFile, message: string): IngestScore {
  const counts = emptyIngestCounts();
  counts.files = 1;
  counts.refused = 1;
  counts.paragraphs = gold.paragraphs.length;
  counts.lostParagraphs = gold.paragraphs.length;
  counts.goldSentences = gold.sentences?.length ?? 0;
  counts.lostSentences = counts.goldSentences;
  return { name, counts, errors: [{ kind: 'refused', text: message }] };
}

export function scoreIngest(name: string, gold: GoldIngestFile, article: Article): IngestScore {
  const counts = emptyIngestCounts();
  const errors: IngestError[] = [];
  counts.files = 1;
  const index = new AnchorIndex(article);
  const compared = article.sentences.filter((s) => COMPARED.has(s.role));
  counts.bodySentences = compared.length;

  // Residue: compared sentences that hold a line of furniture. Every occurrence counts (pages repeat lines), except
  // one inside a real paragraph: a tag line "North Korea" is furniture, the same words in the lede are not. A
  // one-word line ("Metro", "SEOUL") counts only where a sentence starts with it.
  const paragraphSpans = gold.paragraphs
    .map((paragraph) => index.between(paragraph.first, paragraph.last))
    .filter((span): span is [number, number] => span !== null);
  const inParagraph = ([start, end]: [number, number]): boolean =>
    paragraphSpans.some(([from, to]) => start >= from && end <= to);
  const residue = new Map<number, string>();
  for (const item of gold.furniture) {
    const oneWord = !/\s/.test(item.anchor.trim());
    const occurrences = index.spans(item.anchor).filter((span) => !inParagraph(span));
    for (const i of new Set(occurrences.flatMap((span) => index.sentencesIn(span)))) {
      const sentence = article.sentences[i];
      if (oneWord && !startsWithWord(sentence?.text ?? '', item.anchor)) continue;
      if (sentence === undefined || !COMPARED.has(sentence.role) || keptAsItsRole(item.role, sentence.role)) continue;
      if (!residue.has(i)) residue.set(i, `${item.role}: ${item.anchor}`);
    }
  }
  counts.residueSentences = residue.size;
  for (const [i, detail] of residue) errors.push({ kind: 'residue', text: article.sentences[i]?.text ?? '', detail });

  // Real paragraphs: both ends must be in compared sentences. A first anchor that opens with the dateline is looked
  // for without it, since the ingest takes the dateline out of the body ("SEOUL, Jan 29 : Samsung" → "Samsung").
  const inCompared = (anchor: string): boolean => {
    const words = withoutDateline(anchor, gold.dateline);
    if (words === '') return true;
    return index.allSentences(words).some((i) => COMPARED.has(article.sentences[i]?.role ?? 'caption'));
  };
  for (const paragraph of gold.paragraphs) {
    counts.paragraphs++;
    const lostEnd = [paragraph.first, paragraph.last].filter((anchor) => !inCompared(anchor));
    if (lostEnd.length > 0) {
      counts.lostParagraphs++;
      errors.push({
        kind: 'lost-paragraph',
        text: `${paragraph.first} … ${paragraph.last}`,
        detail: `not in the body: "${lostEnd.join('", "')}"`,
      });
    }
  }

  if (gold.sentences !== undefined) scoreSplits(gold.sentences, article, counts, errors, new Set(residue.keys()));
  scoreMetadata(gold, article, counts, errors);
  return { name, counts, errors };
}

/**
 * Sentence boundaries: each gold sentence start is looked for in order in the clean text. A gold start inside a
 * predicted sentence is a missed split; a predicted sentence starting inside a gold sentence is an extra split.
 * Starts that differ only by punctuation or white space (an opening quote) are the same start.
 */
function scoreSplits(
  starts: string[],
  article: Article,
  counts: IngestCounts,
  errors: IngestError[],
  residue: ReadonlySet<number>,
): void {
  const folded = foldWithOffsets(article.text);
  const offsets: number[] = [];
  let from = 0;
  for (const anchor of starts) {
    counts.goldSentences++;
    const at = folded.text.indexOf(fold(anchor), from);
    if (at < 0) {
      counts.lostSentences++;
      errors.push({ kind: 'lost-sentence', text: anchor });
      continue;
    }
    offsets.push(folded.offsets[at] ?? 0);
    from = at + 1;
  }
  const compared = article.sentences.filter((s) => COMPARED.has(s.role) && !residue.has(s.index));
  const sameStart = (a: number, b: number): boolean => {
    const between = article.text.slice(Math.min(a, b), Math.max(a, b));
    return !/[\p{L}\p{N}]/u.test(between);
  };
  for (const offset of offsets) {
    const holder = compared.find((s) => s.start <= offset && offset < s.end);
    if (holder !== undefined && !sameStart(holder.start, offset)) {
      counts.missedSplits++;
      errors.push({
        kind: 'missed-split',
        text: holder.text,
        detail: `a sentence starts at "${article.text.slice(offset, offset + 40)}"`,
      });
    }
  }
  const first = offsets[0];
  const last = offsets[offsets.length - 1];
  if (first === undefined || last === undefined) return;
  for (const sentence of compared) {
    if (sentence.start <= first) continue;
    if (offsets.some((offset) => sameStart(offset, sentence.start))) continue;
    // A predicted start after the last gold start counts only inside that last sentence's paragraph.
    const paragraphOfLast = article.sentences.find((s) => s.start <= last && last < s.end)?.paragraph;
    if (sentence.start > last && sentence.paragraph !== paragraphOfLast) continue;
    counts.extraSplits++;
    errors.push({ kind: 'extra-split', text: sentence.text });
  }
}

function scoreMetadata(gold: GoldIngestFile, article: Article, counts: IngestCounts, errors: IngestError[]): void {
  const check = (field: MetadataField, expected: string | null, actual: string | null, right: boolean): void => {
    const tally = counts.metadata[field];
    if (expected === null) {
      if (actual !== null && actual !== '' && field !== 'title') tally.spurious++;
      return;
    }
    tally.shown++;
    if (right) tally.right++;
    else errors.push({ kind: 'metadata', text: `${field}: ${actual ?? 'none'}`, detail: `expected ${expected}` });
  };
  const title = fold(article.title);
  check(
    'title',
    gold.title === null ? null : `${gold.title.first} … ${gold.title.last}`,
    article.title,
    gold.title !== null && title.includes(fold(gold.title.first)) && title.includes(fold(gold.title.last)),
  );
  check('agency', gold.agency, article.agency, sameName(gold.agency, article.agency));
  check('dateline', gold.dateline, article.dateline, sameName(gold.dateline, article.dateline));
  check('published', gold.published, article.published, gold.published === article.published);
}

/** The anchor without a leading dateline and what follows it up to its separator ("SEOUL, Nov 2 (AFP) - Two" → "Two"). */
export function withoutDateline(anchor: string, dateline: string | null): string {
  const folded = fold(anchor);
  if (dateline === null || !folded.startsWith(fold(dateline))) return anchor;
  const rest = folded.slice(fold(dateline).length);
  // The dateline's tail ends at its separator within a few words: " -", ":", "(AFP) -", "/TASS/.".
  const separator = rest.match(/^.{0,40}?(?:\s-|:|\)\s*-?|\/\.)\s*/u);
  return separator === null ? anchor : rest.slice(separator[0].length).trim();
}

function startsWithWord(text: string, word: string): boolean {
  return fold(text)
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .startsWith(fold(word).replace(/^[^\p{L}\p{N}]+/u, ''));
}

/** "AFP" = "afp"; "SEOUL" = "Seoul"; "CEBU, Philippines" holds "Cebu". */
function sameName(expected: string | null, actual: string | null): boolean {
  if (expected === null || actual === null) return false;
  const a = fold(expected)
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .trim();
  const b = fold(actual)
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .trim();
  return a.length > 0 && b.length > 0 && (a === b || a.startsWith(b) || b.startsWith(a));
}
