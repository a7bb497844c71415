// The gold files under test/gold/: what a careful fact-checker wrote from the raw texts. Format and annotation
// rules are in test/gold/README.md. Sentences are named by anchors (short distinctive substrings, at most 8 words),
// never by index, so a change of segmentation does not invalidate the gold.

/** Reasons a gold link may give. The engine's codes, plus the opposed-claim and place/name conflicts it lacks. */
export const GOLD_REASONS = [
  'number-differs',
  'date-differs',
  'speaker-differs',
  'quote-wording-differs',
  'negation-differs',
  'status-differs',
  'place-differs',
  'name-differs',
] as const;
export type GoldReason = (typeof GOLD_REASONS)[number];

export const PAIR_KINDS = ['wire-copy', 'two-agencies', 'versions', 'rewrite', 'translation', 'summary'] as const;
export type PairKind = (typeof PAIR_KINDS)[number];

export interface GoldSide {
  /** File name inside the story folder of the corpus. */
  file: string;
  /** Publication date from the manifest (YYYY-MM-DD), or null when the manifest gives none. */
  published: string | null;
  /** Outlet name from the manifest. */
  outlet: string;
}

/** Sentences of one side that say the same thing as sentences of the other (1:n and n:m allowed). */
export interface GoldLink {
  left: string[];
  right: string[];
  relation: 'agree' | 'differ';
  /** For `differ`: what a fact-checker would flag. */
  reasons?: GoldReason[];
  /** A doubtful link: a prediction may hold it or not; it never counts against precision nor for recall. */
  acceptable?: boolean;
  why: string;
}

export interface GoldFactSide {
  /** The value or words as this outlet writes them ("at least 69", "Sept 30", "Phivolcs"). */
  text: string;
  /** Anchor of the sentence that states it. */
  in: string;
}

export interface GoldFact {
  kind: 'number' | 'date' | 'quote' | 'entity';
  /** What the fact is about ("death toll", "magnitude", "Phivolcs"). */
  what: string;
  status: 'agree' | 'differ';
  left: GoldFactSide;
  right: GoldFactSide;
}

export interface GoldPair {
  story: string;
  kind: PairKind;
  /** Date the gold was written (YYYY-MM-DD). */
  annotated: string;
  left: GoldSide;
  right: GoldSide;
  links: GoldLink[];
  /** Anchors of body sentences only the left outlet has. */
  leftOnly: string[];
  rightOnly: string[];
  /** Facts both sides state. */
  facts: GoldFact[];
  /** Every person, place and organisation named on either side, as written (any one form per name). */
  entities: string[];
  /** Anything a reader of the gold should know. */
  note?: string;
}

/** What a line of page furniture should become. */
export const FURNITURE_ROLES = ['remove', 'title', 'caption', 'standfirst', 'heading'] as const;
export type FurnitureRole = (typeof FURNITURE_ROLES)[number];

export interface GoldFurniture {
  anchor: string;
  role: FurnitureRole;
}

export interface GoldParagraph {
  /** The paragraph's first words (at most 8). */
  first: string;
  /** Its last words (at most 8); for a file cut off mid-sentence, the last words before the cut. */
  last: string;
}

export interface GoldIngestFile {
  story: string;
  file: string;
  annotated: string;
  /** Headline as the page shows it: its first and last words (at most 8 each), or null when the page has none. */
  title: { first: string; last: string } | null;
  /** Wire agency the page credits, or null when it names none. */
  agency: string | null;
  /** Dateline place as the page prints it ("SEOUL"), or null when there is none. */
  dateline: string | null;
  /** Publication date the page itself shows (YYYY-MM-DD), or null when the text shows none. */
  published: string | null;
  /** False when the stored copy is cut off (EXCERPT in the manifest, or the page stops mid-article). */
  complete: boolean;
  furniture: GoldFurniture[];
  paragraphs: GoldParagraph[];
  /** Optional: the first words (at most 8) of every sentence of the clean article, in order. */
  sentences?: string[];
  note?: string;
}
