// The comparison as the story page shows it: rows of matched pairs with their labels and reasons, each side's
// sentences with the word diff split into runs, and the summary. Words for students are decided here.

import { WEB } from '../config.js';
import type {
  Alignment,
  Comparison,
  ComparisonSide,
  DiffRun,
  Reason,
  ReasonCode,
  RemovedLine,
  Sentence,
  SentenceRole,
} from '../types.js';
import type { ResolvedArticle } from './comparison-service.js';
import { type FactGroupView, factGroups } from './facts-view.js';
import {
  formatArticleRef,
  formatDate,
  ICONS,
  type Names,
  type RowStatus,
  removedSummary,
  shortOutlet,
} from './view-format.js';

// ── The comparison ──────────────────────────────────────────────────────────

/** One run of text inside a sentence. `marker` and `note` are visually hidden words for screen readers. */
export interface SegmentView {
  text: string;
  kind: 'equal' | 'only' | 'equivalent';
  /** Said before the run, e.g. "only in Yonhap:". */
  marker: string | null;
  /** Said after the run, e.g. "(same meaning as “percent” in Yonhap)". */
  note: string | null;
}

export type SentenceStatus = 'agree' | 'differ' | 'only' | 'none';

export interface SentenceView {
  index: number;
  role: SentenceRole;
  status: SentenceStatus;
  /** The id of the row this sentence belongs to (both views link to it), or null for unaligned captions. */
  rowId: string | null;
  segments: SegmentView[];
}

/** Ideas explained in the "How to read this" panel; reasons link to them. */
export type TopicId = 'labels' | 'attribution' | 'numbers' | 'word-choice' | 'details' | 'placement' | 'only-one';

export const TOPIC_LABELS: Record<TopicId, string> = {
  labels: 'What the labels mean',
  attribution: 'Who said it',
  numbers: 'Numbers and dates',
  'word-choice': 'Word choice',
  details: 'Added details',
  placement: 'Placement',
  'only-one': 'Only in one outlet',
};

export interface ReasonView {
  text: string;
  topic: TopicId;
  topicLabel: string;
}

export interface RowView {
  id: string;
  status: RowStatus;
  /** The label as a word: "Agree", "Differ", "Only in Yonhap". */
  label: string;
  /** A symbol beside the word, so the label never depends on colour. */
  icon: string;
  /** Differences are what n / p jump between: differ, one-sided and moved rows. */
  isDifference: boolean;
  moved: boolean;
  reasons: ReasonView[];
  left: SentenceView[];
  right: SentenceView[];
}

export interface SideView {
  ref: string;
  slug: string;
  outlet: string;
  shortOutlet: string;
  agency: string | null;
  title: string;
  dateline: string | null;
  published: string | null;
  publishedLabel: string | null;
  version: number;
  versionLabel: string;
  removed: RemovedLine[];
  removedSummary: string;
  bodyCount: number;
  /** The article in its own order, paragraph by paragraph (the "as published" view). */
  paragraphs: SentenceView[][];
}

export interface SummaryPart {
  count: number;
  label: string;
  status: RowStatus;
}

export interface ComparisonView {
  left: SideView;
  right: SideView;
  /** Both sides in column order, for templates that treat them alike. */
  columns: { side: 'left' | 'right'; view: SideView }[];
  rows: RowView[];
  facts: FactGroupView[];
  summary: SummaryPart[];
  /** "7 agree · 3 differ · 9 only in The Straits Times · 8 only in Yonhap" */
  summaryLine: string;
  differenceCount: number;
  movedCount: number;
}

/** The story page's comparison, from the contract. Versions are labelled when the caller knows them. */
export function buildComparisonView(
  comparison: Comparison,
  sides?: { left: ResolvedArticle; right: ResolvedArticle },
): ComparisonView {
  let leftName = shortOutlet(comparison.left.outlet, 'Left');
  let rightName = shortOutlet(comparison.right.outlet, 'Right');
  if (leftName === rightName) {
    // Two versions of one article: tell the columns apart by version.
    leftName = `${leftName} (v${comparison.left.version})`;
    rightName = `${rightName} (v${comparison.right.version})`;
  }
  const names: Names = { left: leftName, right: rightName };
  const leftSentences = segmentedSentences(comparison, 'left', names);
  const rightSentences = segmentedSentences(comparison, 'right', names);
  const rows = orderRows(comparison).map((row, i) =>
    rowView(row, `row-${i + 1}`, comparison, names, leftSentences, rightSentences),
  );
  for (const row of rows) {
    for (const s of row.left) s.rowId = row.id;
    for (const s of row.right) s.rowId = row.id;
  }
  const { agree, differ, leftOnly, rightOnly } = comparison.summary;
  const summary: SummaryPart[] = [
    { count: agree, label: 'agree', status: 'agree' },
    { count: differ, label: 'differ', status: 'differ' },
    { count: leftOnly, label: `only in ${names.left}`, status: 'left-only' },
    { count: rightOnly, label: `only in ${names.right}`, status: 'right-only' },
  ];
  const left = sideView(comparison.left, leftSentences, names.left, sides?.left);
  const right = sideView(comparison.right, rightSentences, names.right, sides?.right);
  return {
    left,
    right,
    columns: [
      { side: 'left', view: left },
      { side: 'right', view: right },
    ],
    rows,
    facts: factGroups(comparison.facts, names),
    summary,
    summaryLine: summary.map((p) => `${p.count} ${p.label}`).join(' · '),
    differenceCount: rows.filter((r) => r.isDifference).length,
    movedCount: rows.filter((r) => r.moved).length,
  };
}

type RowSource =
  | { kind: 'pair'; alignment: Alignment }
  | { kind: 'left-only'; index: number }
  | { kind: 'right-only'; index: number };

/**
 * Rows in the left article's order; a sentence only the right side has goes right after the row that holds
 * the right sentence before it, so each column still reads roughly in order.
 * left 0 1 2, right 0 (only) 1 2: [R0] [L0=R1] [L1=R2] [L2]
 */
function orderRows(comparison: Comparison): RowSource[] {
  const base: RowSource[] = [
    ...comparison.alignments.map((alignment): RowSource => ({ kind: 'pair', alignment })),
    ...comparison.leftOnly.map((index): RowSource => ({ kind: 'left-only', index })),
  ];
  const leftKey = (row: RowSource): number =>
    row.kind === 'pair' ? Math.min(...row.alignment.left) : row.kind === 'left-only' ? row.index : -1;
  base.sort((a, b) => leftKey(a) - leftKey(b));
  // Right-only sentences, each placed after the last row holding a right sentence with a smaller index.
  const rows = [...base];
  for (const index of [...comparison.rightOnly].sort((a, b) => a - b)) {
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row === undefined) continue;
      const rights = row.kind === 'pair' ? row.alignment.right : row.kind === 'right-only' ? [row.index] : [];
      if (rights.some((r) => r < index)) at = i + 1;
    }
    rows.splice(at, 0, { kind: 'right-only', index });
  }
  return rows;
}

function rowView(
  source: RowSource,
  id: string,
  comparison: Comparison,
  names: Names,
  leftSentences: Map<number, SentenceView>,
  rightSentences: Map<number, SentenceView>,
): RowView {
  const pick = (map: Map<number, SentenceView>, indexes: number[]): SentenceView[] =>
    indexes.map((i) => map.get(i)).filter((s): s is SentenceView => s !== undefined);
  if (source.kind !== 'pair') {
    const isLeft = source.kind === 'left-only';
    const name = isLeft ? names.left : names.right;
    return {
      id,
      status: source.kind,
      label: `Only in ${name}`,
      icon: ICONS[source.kind],
      isDifference: true,
      moved: false,
      // The reason is the same for every one-sided row; the empty cell links to its explanation instead.
      reasons: [],
      left: isLeft ? pick(leftSentences, [source.index]) : [],
      right: isLeft ? [] : pick(rightSentences, [source.index]),
    };
  }
  const a = source.alignment;
  const reasons = a.reasons.map((r) => reasonView(r, names));
  if (a.moved) {
    reasons.push({
      text: `Placed differently: ${position(comparison.left, a.left, names.left)}, ${position(comparison.right, a.right, names.right)}.`,
      topic: 'placement',
      topicLabel: TOPIC_LABELS.placement,
    });
  }
  return {
    id,
    status: a.relation,
    label: a.relation === 'agree' ? 'Agree' : 'Differ',
    icon: ICONS[a.relation],
    isDifference: a.relation === 'differ' || a.moved,
    moved: a.moved,
    reasons,
    left: pick(leftSentences, a.left),
    right: pick(rightSentences, a.right),
  };
}

/** "sentence 3 of 20 in The Straits Times", counting body sentences only. */
function position(side: ComparisonSide, indexes: number[], name: string): string {
  const body = side.sentences.filter((s) => s.role === 'body').map((s) => s.index);
  const first = Math.min(...indexes);
  const rank = body.indexOf(first) + 1;
  const total = body.length;
  return rank > 0 ? `sentence ${rank} of ${total} in ${name}` : `a caption in ${name}`;
}

const REASON_WORDING: Record<ReasonCode, { lead: (n: Names) => string; topic: TopicId }> = {
  'number-differs': { lead: () => 'The numbers differ', topic: 'numbers' },
  'date-differs': { lead: () => 'The dates differ', topic: 'numbers' },
  'speaker-differs': { lead: () => 'A different person is named as the speaker', topic: 'attribution' },
  'quote-wording-differs': { lead: () => 'The quoted words differ', topic: 'attribution' },
  'negation-differs': { lead: () => 'One says the opposite (a “not” or “no”)', topic: 'word-choice' },
  'detail-only-left': { lead: (n) => `Only ${n.left} has these words`, topic: 'details' },
  'detail-only-right': { lead: (n) => `Only ${n.right} has these words`, topic: 'details' },
  'equivalent-wording': { lead: () => 'Same meaning, different words', topic: 'word-choice' },
};

/** "The numbers differ: The Straits Times says “more than 10,000 soldiers”, Yonhap says “around 11,000 troops”." */
export function reasonView(reason: Reason, names: Names): ReasonView {
  const wording = REASON_WORDING[reason.code];
  // The engine's detail may carry its own lead ("The quoted words differ: …", "Only Yonhap has: …");
  // ours replaces it. A detail that starts with the words themselves is kept whole ("Moscow = Russia").
  let detail = reason.detail.trim().replace(/^[A-Z][^:“”"=]{0,100}:\s+/, '');
  if (reason.left !== undefined && reason.right !== undefined && reason.code !== 'equivalent-wording') {
    detail = `${names.left} says “${reason.left}”, ${names.right} says “${reason.right}”`;
  } else if (reason.code === 'detail-only-left' || reason.code === 'detail-only-right') {
    // "Ri told the daily that he was now; decided that he" → "“Ri told the daily that he was now”, “decided that he”"
    const parts = detail.split(/;\s+/).filter((p) => p !== '');
    const shown = parts.slice(0, WEB.reasonFragments).map((p) => `“${p.replace(/…$/, '').trim()}”`);
    const more = parts.length - shown.length;
    detail = shown.join(', ') + (more > 0 ? ` and ${more} more (highlighted above)` : '');
  }
  const lead = wording.lead(names);
  const text = detail === '' ? `${lead}.` : `${lead}: ${detail.replace(/[.\s]+$/, '')}.`;
  return { text, topic: wording.topic, topicLabel: TOPIC_LABELS[wording.topic] };
}

/** Every sentence of one side with its word-diff highlights, by index. */
function segmentedSentences(comparison: Comparison, side: 'left' | 'right', names: Names): Map<number, SentenceView> {
  const article = comparison[side];
  const own = side === 'left' ? names.left : names.right;
  const other = side === 'left' ? names.right : names.left;
  const byIndex = new Map<number, Sentence>(article.sentences.map((s) => [s.index, s]));
  const views = new Map<number, SentenceView>();
  const plain = (s: Sentence, status: SentenceStatus): SentenceView => ({
    index: s.index,
    role: s.role,
    status,
    rowId: null,
    segments: [{ text: s.text, kind: 'equal', marker: null, note: null }],
  });
  for (const s of article.sentences) views.set(s.index, plain(s, 'none'));
  for (const index of side === 'left' ? comparison.leftOnly : comparison.rightOnly) {
    const s = byIndex.get(index);
    if (s) views.set(index, plain(s, 'only'));
  }
  for (const a of comparison.alignments) {
    const sentences = a[side].map((i) => byIndex.get(i)).filter((s): s is Sentence => s !== undefined);
    const segments = sideSegments(a.diff, side, own, other);
    const split = splitBySentence(
      segments,
      sentences.map((s) => s.text),
    );
    sentences.forEach((s, k) => {
      views.set(s.index, {
        index: s.index,
        role: s.role,
        status: a.relation,
        rowId: null,
        segments: split?.[k] ?? [{ text: s.text, kind: 'equal', marker: null, note: null }],
      });
    });
  }
  return views;
}

/** The runs of a pair's word diff that one side shows: its own words, marked where the other side lacks them. */
export function sideSegments(diff: DiffRun[], side: 'left' | 'right', own: string, other: string): SegmentView[] {
  const segments: SegmentView[] = [];
  for (const run of diff) {
    if (run.op === 'equal') segments.push({ text: run.text, kind: 'equal', marker: null, note: null });
    else if (run.op === 'equivalent') {
      const mine = side === 'left' ? run.left : run.right;
      const theirs = side === 'left' ? run.right : run.left;
      segments.push({
        text: mine,
        kind: 'equivalent',
        marker: null,
        note: `(same meaning as “${theirs}” in ${other})`,
      });
    } else if (run.op === side) {
      segments.push({ text: run.text, kind: 'only', marker: `only in ${own}:`, note: null });
    }
  }
  return segments;
}

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

/**
 * Cuts a pair's segments (which run over the joined sentences of one side) back into one list per sentence,
 * matching characters and skipping the white space that joined the sentences. Null when the diff does not
 * spell the sentences out exactly: the caller then shows the plain text rather than wrong highlights.
 * ["Ri said ", <only>"he was sure. Ri"</only>, " left."] with ["Ri said he was sure.", "Ri left."]
 * → [["Ri said ", <only>"he was sure."</only>], [<only>"Ri"</only>, " left."]]
 */
export function splitBySentence(segments: SegmentView[], sentences: string[]): SegmentView[][] | null {
  const result: SegmentView[][] = sentences.map(() => []);
  let s = 0;
  let pos = 0;
  const push = (seg: SegmentView, ch: string): void => {
    const list = result[s];
    if (list === undefined) return;
    const last = list[list.length - 1];
    if (last && last.kind === seg.kind && last.note === seg.note && last.marker === seg.marker && last.text !== '') {
      last.text += ch;
    } else {
      list.push({ ...seg, text: ch });
    }
  };
  for (const seg of segments) {
    for (const ch of seg.text) {
      let sentence = sentences[s];
      while (sentence !== undefined && pos >= sentence.length && s < sentences.length - 1) {
        s++;
        pos = 0;
        sentence = sentences[s];
      }
      if (sentence === undefined) return null;
      if (pos < sentence.length && sentence.slice(pos, pos + ch.length) === ch) {
        push(seg, ch);
        pos += ch.length;
      } else if (isSpace(ch)) {
        // White space between two sentences, or a joiner the diff added.
      } else {
        return null;
      }
    }
  }
  const lastSentence = sentences[sentences.length - 1];
  if (s !== sentences.length - 1 || lastSentence === undefined || pos !== lastSentence.length) return null;
  return result.map((list) => list.filter((seg) => seg.text !== ''));
}

function sideView(
  side: ComparisonSide,
  sentences: Map<number, SentenceView>,
  name: string,
  resolved: ResolvedArticle | undefined,
): SideView {
  const paragraphs: SentenceView[][] = [];
  let current: SentenceView[] = [];
  let paragraph: number | null = null;
  for (const s of [...side.sentences].sort((a, b) => a.index - b.index)) {
    const view = sentences.get(s.index);
    if (!view) continue;
    if (paragraph !== null && s.paragraph !== paragraph) {
      paragraphs.push(current);
      current = [];
    }
    paragraph = s.paragraph;
    current.push(view);
  }
  if (current.length > 0) paragraphs.push(current);
  const versions = resolved?.record.versions.length ?? 1;
  const versionLabel =
    versions <= 1 ? 'version 1' : `version ${side.version} of ${versions}${resolved?.latest ? ' (latest)' : ''}`;
  return {
    ref: resolved ? formatArticleRef(resolved) : side.id,
    slug: resolved?.record.slug ?? side.id,
    outlet: side.outlet ?? name,
    shortOutlet: name,
    agency: side.agency,
    title: side.title,
    dateline: side.dateline,
    published: side.published,
    publishedLabel: formatDate(side.published),
    version: side.version,
    versionLabel,
    removed: side.removed,
    removedSummary: removedSummary(side.removed.length),
    bodyCount: side.sentences.filter((s) => s.role === 'body').length,
    paragraphs,
  };
}
