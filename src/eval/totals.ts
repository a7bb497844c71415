// Totals over every scored pair and file, and the floor CI holds them to. Ratios are micro-averages: the counts
// of all pairs (or files) are summed first, so a large pair weighs more than a small one.

import type { BenchmarkScore } from './score-html.js';
import { emptyIngestCounts, type IngestCounts, type IngestScore, METADATA_FIELDS } from './score-ingest.js';
import { emptyCounts, type PairCounts, type PairScore } from './score-pair.js';

export interface EngineTotals {
  pairs: number;
  alignmentPrecision: number;
  alignmentRecall: number;
  unannotatedPairs: number;
  relationAccuracy: number;
  conflictRecall: number;
  conflicts: number;
  conflictsFound: number;
  contradictionsLabelledAgree: number;
  onlyPrecision: number;
  onlyRecall: number;
  factConflictRecall: number;
  falseFactConflicts: number;
  junkEntityShare: number;
  lostAnchors: number;
}

export interface IngestTotals {
  files: number;
  refused: number;
  /** Share of compared (body and standfirst) sentences that are page furniture. */
  residue: number;
  lostParagraphs: number;
  paragraphs: number;
  lostSentences: number;
  missedSplits: number;
  extraSplits: number;
  goldSentences: number;
  /** Share of the fields the pages show that the ingest got right, per field and over all. */
  metadata: Record<(typeof METADATA_FIELDS)[number] | 'all', number>;
  spuriousMetadata: number;
}

export interface Totals {
  engine?: EngineTotals;
  ingest?: IngestTotals;
  html?: BenchmarkScore;
}

const ratio = (a: number, b: number, empty = 1): number => (b === 0 ? empty : round(a / b));
const round = (value: number): number => Math.round(value * 10_000) / 10_000;

export function sumPairCounts(scores: PairScore[]): PairCounts {
  const total = emptyCounts();
  for (const score of scores) {
    for (const field of Object.keys(total) as Array<keyof PairCounts>) total[field] += score.counts[field];
  }
  return total;
}

export function engineTotals(scores: PairScore[]): EngineTotals {
  const c = sumPairCounts(scores);
  return {
    pairs: scores.length,
    alignmentPrecision: ratio(c.correctPairs, c.predictedPairs),
    alignmentRecall: ratio(c.foundPairs, c.requiredPairs),
    unannotatedPairs: c.unannotatedPairs,
    relationAccuracy: ratio(c.correctRelations, c.judgedRelations),
    conflictRecall: ratio(c.conflictsFound, c.goldConflicts),
    conflicts: c.goldConflicts,
    conflictsFound: c.conflictsFound,
    contradictionsLabelledAgree: c.contradictionsLabelledAgree,
    onlyPrecision: ratio(c.correctOnly, c.predictedOnly),
    onlyRecall: ratio(c.onlyFound, c.goldOnly),
    factConflictRecall: ratio(c.factConflictsFound, c.goldFactConflicts),
    falseFactConflicts: c.falseFactConflicts,
    junkEntityShare: ratio(c.junkEntities, c.entityRows, 0),
    lostAnchors: c.lostAnchors,
  };
}

export function sumIngestCounts(scores: IngestScore[]): IngestCounts {
  const total = emptyIngestCounts();
  for (const { counts } of scores) {
    for (const field of Object.keys(total) as Array<keyof IngestCounts>) {
      if (field !== 'metadata') total[field] += counts[field];
    }
    for (const field of METADATA_FIELDS) {
      total.metadata[field].shown += counts.metadata[field].shown;
      total.metadata[field].right += counts.metadata[field].right;
      total.metadata[field].spurious += counts.metadata[field].spurious;
    }
  }
  return total;
}

export function ingestTotals(scores: IngestScore[]): IngestTotals {
  const c = sumIngestCounts(scores);
  const shown = METADATA_FIELDS.reduce((sum, field) => sum + c.metadata[field].shown, 0);
  const right = METADATA_FIELDS.reduce((sum, field) => sum + c.metadata[field].right, 0);
  return {
    files: c.files,
    refused: c.refused,
    residue: ratio(c.residueSentences, c.bodySentences, 0),
    lostParagraphs: c.lostParagraphs,
    paragraphs: c.paragraphs,
    lostSentences: c.lostSentences,
    missedSplits: c.missedSplits,
    extraSplits: c.extraSplits,
    goldSentences: c.goldSentences,
    metadata: {
      title: ratio(c.metadata.title.right, c.metadata.title.shown),
      agency: ratio(c.metadata.agency.right, c.metadata.agency.shown),
      dateline: ratio(c.metadata.dateline.right, c.metadata.dateline.shown),
      published: ratio(c.metadata.published.right, c.metadata.published.shown),
      all: ratio(right, shown),
    },
    spuriousMetadata: METADATA_FIELDS.reduce((sum, field) => sum + c.metadata[field].spurious, 0),
  };
}

/** The floor: figures that may not fall (`min`) or rise (`max`), by dotted path into the totals. */
export interface Floor {
  note?: string;
  min: Record<string, number>;
  max: Record<string, number>;
}

function valueAt(totals: Totals, path: string): number | undefined {
  let value: unknown = totals;
  for (const part of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  return typeof value === 'number' ? value : undefined;
}

/** Every way the totals break the floor; a figure the run did not measure breaks it too. */
export function floorBreaches(totals: Totals, floor: Floor): string[] {
  const breaches: string[] = [];
  for (const [path, min] of Object.entries(floor.min)) {
    const value = valueAt(totals, path);
    if (value === undefined) breaches.push(`${path}: not measured (floor ${min})`);
    else if (value < min) breaches.push(`${path}: ${value} is below the floor ${min}`);
  }
  for (const [path, max] of Object.entries(floor.max)) {
    const value = valueAt(totals, path);
    if (value === undefined) breaches.push(`${path}: not measured (ceiling ${max})`);
    else if (value > max) breaches.push(`${path}: ${value} is above the ceiling ${max}`);
  }
  return breaches;
}
