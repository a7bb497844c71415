// The shared vocabulary of Parallax: types only, no values.
// The comparison contract (schemaVersion 1) is described in ../shared/design.md and README.md.

/**
 * Steps a hand-written scanner took, counted when a caller passes one: the growth tests check that twice the input
 * costs at most about twice the steps, without timing anything.
 */
export interface StepCounter {
  count: number;
}

/** Where a sentence sits in the article. */
export type SentenceRole = 'body' | 'caption' | 'standfirst';

/**
 * One sentence of a clean article.
 * `start`/`end` are offsets into `Article.text` (the clean, normalised text): `text === article.text.slice(start, end)`,
 * and what lies between two consecutive sentences is white space only, so the spans and their gaps rebuild the text.
 */
export interface Sentence {
  index: number;
  text: string;
  paragraph: number;
  role: SentenceRole;
  start: number;
  end: number;
}

/** A line the cleaner took out of the raw input, and the rule that took it out. */
export interface RemovedLine {
  text: string;
  rule: string;
}

/** What the caller knows about an input before ingesting it. Every field is optional. */
export interface IngestHints {
  id?: string;
  outlet?: string;
  agency?: string;
  /** ISO date, YYYY-MM-DD. */
  published?: string;
  contentType?: ContentType;
  language?: string;
  version?: number;
  title?: string;
}

export type ContentType = 'text/plain' | 'text/html';

export interface IngestInput {
  /** Raw input as received: a string, or bytes that must be valid UTF-8. */
  raw: string | Uint8Array;
  hints?: IngestHints;
}

/** A clean, segmented article: the output of ingest and one side of a comparison. */
export interface Article {
  id: string;
  outlet: string | null;
  agency: string | null;
  title: string;
  dateline: string | null;
  /** ISO date, YYYY-MM-DD, or null when neither the page nor the hints give one. */
  published: string | null;
  version: number;
  language: string;
  /** The clean normalised text that sentence offsets point into. */
  text: string;
  sentences: Sentence[];
  removed: RemovedLine[];
}

/** How a matched pair relates. */
export type Relation = 'agree' | 'differ';

export type ReasonCode =
  | 'number-differs'
  | 'date-differs'
  | 'speaker-differs'
  | 'quote-wording-differs'
  | 'negation-differs'
  | 'detail-only-left'
  | 'detail-only-right'
  | 'equivalent-wording';

/** Why a pair got its label: a machine-readable code plus the words that show it. */
export interface Reason {
  code: ReasonCode;
  /** Plain-language detail, e.g. "80 per cent = 80 percent" or "more than 10,000 soldiers / around 11,000 troops". */
  detail: string;
  /** The left side's value or words, when the reason compares values. */
  left?: string;
  /** The right side's value or words, when the reason compares values. */
  right?: string;
}

/** One run of a word diff inside a matched pair. `equivalent` runs differ only by an equivalence. */
export type DiffRun =
  | { op: 'equal'; text: string }
  | { op: 'left'; text: string }
  | { op: 'right'; text: string }
  | { op: 'equivalent'; left: string; right: string };

export interface Alignment {
  /** Sentence indexes on the left, ascending; one or more. */
  left: number[];
  /** Sentence indexes on the right, ascending; one or more. */
  right: number[];
  relation: Relation;
  /** Similarity score in [0, 1]. */
  similarity: number;
  /** True when the pair stands in a different place relative to the other matched pairs in each article. */
  moved: boolean;
  reasons: Reason[];
  diff: DiffRun[];
  /** Present and true when the word diff ran out of its work budget and `diff` is the coarse fallback. */
  diffTruncated?: boolean;
}

export type FactKind = 'number' | 'date' | 'quote' | 'entity';
export type FactStatus = 'agree' | 'differ' | 'left-only' | 'right-only';

export interface FactMention {
  sentence: number;
  /** The words as the outlet wrote them, e.g. "some 11,000 troops". */
  text: string;
  /** Normalised value, e.g. "11000", "2025-02-19", or the speaker of a quote. */
  value?: string;
}

export interface Fact {
  kind: FactKind;
  /** Stable key, e.g. "troops:11000", "date:2025-02-19", "entity:south-korea". */
  key: string;
  /** Human label, e.g. "troop count", "South Korea". */
  label: string;
  status: FactStatus;
  left: FactMention[];
  right: FactMention[];
}

export interface ComparisonSummary {
  agree: number;
  differ: number;
  leftOnly: number;
  rightOnly: number;
  /** Share of body sentences on both sides that are in a matched pair (definition in README). */
  overlap: number;
}

/** One side of a comparison: the article without its clean text (sentences carry their own text). */
export type ComparisonSide = Omit<Article, 'text' | 'language'>;

export interface Comparison {
  schemaVersion: 1;
  left: ComparisonSide;
  right: ComparisonSide;
  alignments: Alignment[];
  leftOnly: number[];
  rightOnly: number[];
  facts: Fact[];
  summary: ComparisonSummary;
}
