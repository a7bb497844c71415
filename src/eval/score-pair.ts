// Scores one comparison against a pair's gold. Alignment is scored over sentence pairs: a predicted group of
// L left and R right sentences counts as its L×R pairs, and so does a gold link, so one oversized group cannot
// score as several links. Every miss and false link is kept with its two texts, so a developer sees what to fix.

import type { Comparison } from '../types.js';
import type { AnchorIndex } from './anchors.js';
import { fold } from './fold.js';
import type { GoldLink, GoldPair } from './gold-types.js';

/** One listed error: what kind, and the texts involved (cut for display by the report). */
export interface PairError {
  kind:
    | 'missed-link'
    | 'false-link'
    | 'unannotated-link'
    | 'wrong-relation'
    | 'conflict-labelled-agree'
    | 'conflict-not-aligned'
    | 'missed-only'
    | 'false-only'
    | 'missed-fact-conflict'
    | 'false-fact-conflict'
    | 'junk-entity'
    | 'lost-anchor';
  left?: string;
  right?: string;
  detail?: string;
}

/** Counts from which the ratios are computed (summed over pairs for the totals). */
export interface PairCounts {
  predictedPairs: number;
  correctPairs: number;
  unannotatedPairs: number;
  requiredPairs: number;
  foundPairs: number;
  judgedRelations: number;
  correctRelations: number;
  goldConflicts: number;
  conflictsFound: number;
  contradictionsLabelledAgree: number;
  goldOnly: number;
  onlyFound: number;
  predictedOnly: number;
  correctOnly: number;
  goldFactConflicts: number;
  factConflictsFound: number;
  falseFactConflicts: number;
  entityRows: number;
  junkEntities: number;
  lostAnchors: number;
}

export interface PairScore {
  name: string;
  counts: PairCounts;
  errors: PairError[];
}

export function emptyCounts(): PairCounts {
  return {
    predictedPairs: 0,
    correctPairs: 0,
    unannotatedPairs: 0,
    requiredPairs: 0,
    foundPairs: 0,
    judgedRelations: 0,
    correctRelations: 0,
    goldConflicts: 0,
    conflictsFound: 0,
    contradictionsLabelledAgree: 0,
    goldOnly: 0,
    onlyFound: 0,
    predictedOnly: 0,
    correctOnly: 0,
    goldFactConflicts: 0,
    factConflictsFound: 0,
    falseFactConflicts: 0,
    entityRows: 0,
    junkEntities: 0,
    lostAnchors: 0,
  };
}

const key = (l: number, r: number): string => `${l}:${r}`;

interface ResolvedLink {
  link: GoldLink;
  left: number[];
  right: number[];
  pairs: string[];
}

/** Scores `comparison` (of the pair's two ingested articles, indexed by `left` and `right`) against `gold`. */
export function scorePair(
  name: string,
  gold: GoldPair,
  comparison: Comparison,
  left: AnchorIndex,
  right: AnchorIndex,
): PairScore {
  const counts = emptyCounts();
  const errors: PairError[] = [];
  const textOf = (side: 'left' | 'right', index: number): string =>
    (side === 'left' ? left : right).sentence(index)?.text ?? `#${index}`;
  const lost = new Set<string>();
  const resolve = (side: 'left' | 'right', anchors: string[]): number[] => {
    const found = new Set<number>();
    for (const anchor of anchors) {
      const indexes = (side === 'left' ? left : right).sentences(anchor);
      if (indexes.length === 0 && !lost.has(`${side}:${anchor}`)) {
        lost.add(`${side}:${anchor}`);
        errors.push({
          kind: 'lost-anchor',
          [side]: anchor,
          detail: 'not in the clean text (cut, or removed as furniture)',
        });
      }
      for (const index of indexes) found.add(index);
    }
    return [...found].sort((a, b) => a - b);
  };
  const links: ResolvedLink[] = gold.links.map((link) => {
    const l = resolve('left', link.left);
    const r = resolve('right', link.right);
    return { link, left: l, right: r, pairs: l.flatMap((a) => r.map((b) => key(a, b))) };
  });
  counts.lostAnchors = lost.size;
  const required = new Map<string, ResolvedLink>();
  const acceptable = new Set<string>();
  for (const resolved of links) {
    for (const pair of resolved.pairs) {
      if (resolved.link.acceptable === true) acceptable.add(pair);
      else if (!required.has(pair)) required.set(pair, resolved);
    }
  }
  const leftOnly = gold.leftOnly.map((anchor) => ({ anchor, indexes: resolve('left', [anchor]) }));
  const rightOnly = gold.rightOnly.map((anchor) => ({ anchor, indexes: resolve('right', [anchor]) }));
  const annotated = {
    left: new Set([...links.flatMap((l) => l.left), ...leftOnly.flatMap((o) => o.indexes)]),
    right: new Set([...links.flatMap((l) => l.right), ...rightOnly.flatMap((o) => o.indexes)]),
  };

  // Alignment precision and recall over sentence pairs.
  const predicted = new Map<string, number>();
  comparison.alignments.forEach((alignment, i) => {
    for (const l of alignment.left) for (const r of alignment.right) predicted.set(key(l, r), i);
  });
  for (const [pair] of predicted) {
    const [l, r] = pair.split(':').map(Number) as [number, number];
    if (!annotated.left.has(l) || !annotated.right.has(r)) {
      counts.unannotatedPairs++;
      errors.push({ kind: 'unannotated-link', left: textOf('left', l), right: textOf('right', r) });
      continue;
    }
    counts.predictedPairs++;
    if (required.has(pair) || acceptable.has(pair)) counts.correctPairs++;
    else errors.push({ kind: 'false-link', left: textOf('left', l), right: textOf('right', r) });
  }
  counts.requiredPairs = required.size;
  for (const [pair] of required) {
    if (predicted.has(pair)) counts.foundPairs++;
    else {
      const [l, r] = pair.split(':').map(Number) as [number, number];
      errors.push({ kind: 'missed-link', left: textOf('left', l), right: textOf('right', r) });
    }
  }

  // Relations of predicted alignments that hold a gold link's pair (the link sharing most pairs decides).
  comparison.alignments.forEach((alignment) => {
    const pairs = new Set(alignment.left.flatMap((l) => alignment.right.map((r) => key(l, r))));
    let best: ResolvedLink | null = null;
    let bestShared = 0;
    for (const resolved of links) {
      const shared = resolved.pairs.filter((pair) => pairs.has(pair)).length;
      const better =
        shared > bestShared ||
        (shared === bestShared && shared > 0 && best?.link.acceptable === true && resolved.link.acceptable !== true);
      if (better) {
        best = resolved;
        bestShared = shared;
      }
    }
    if (best === null) return;
    counts.judgedRelations++;
    if (best.link.relation === alignment.relation) counts.correctRelations++;
    else {
      errors.push({
        kind: 'wrong-relation',
        left: alignment.left.map((l) => textOf('left', l)).join(' '),
        right: alignment.right.map((r) => textOf('right', r)).join(' '),
        detail: `gold ${best.link.relation}${best.link.reasons ? ` (${best.link.reasons.join(', ')})` : ''}, predicted ${alignment.relation}: ${best.link.why}`,
      });
    }
  });

  // Conflicts: a gold differ link is found when an alignment holding one of its pairs says differ, or when a
  // facts row that differs holds a sentence of the link on each side.
  const differRows = comparison.facts.filter((fact) => fact.status === 'differ');
  const rowHolds = (row: (typeof differRows)[number], l: number[], r: number[]): boolean =>
    row.left.some((m) => l.includes(m.sentence)) && row.right.some((m) => r.includes(m.sentence));
  for (const resolved of links) {
    if (resolved.link.relation !== 'differ' || resolved.link.acceptable === true) continue;
    counts.goldConflicts++;
    const holding = comparison.alignments.filter((a) =>
      resolved.pairs.some((pair) => a.left.some((l) => a.right.some((r) => key(l, r) === pair))),
    );
    const found =
      holding.some((a) => a.relation === 'differ') ||
      differRows.some((row) => rowHolds(row, resolved.left, resolved.right));
    if (found) counts.conflictsFound++;
    else {
      const labelledAgree = holding.length > 0;
      if (labelledAgree) counts.contradictionsLabelledAgree++;
      errors.push({
        kind: labelledAgree ? 'conflict-labelled-agree' : 'conflict-not-aligned',
        left: resolved.left.map((l) => textOf('left', l)).join(' '),
        right: resolved.right.map((r) => textOf('right', r)).join(' '),
        detail: `${(resolved.link.reasons ?? []).join(', ')}: ${resolved.link.why}`,
      });
    }
  }

  // Only-in sentences.
  const requiredSentences = {
    left: new Set(links.filter((l) => l.link.acceptable !== true).flatMap((l) => l.left)),
    right: new Set(links.filter((l) => l.link.acceptable !== true).flatMap((l) => l.right)),
  };
  for (const [side, goldOnly, predictedOnly] of [
    ['left', leftOnly, comparison.leftOnly],
    ['right', rightOnly, comparison.rightOnly],
  ] as const) {
    const predictedSet = new Set(predictedOnly);
    for (const only of goldOnly) {
      if (only.indexes.length === 0) continue;
      counts.goldOnly++;
      if (only.indexes.every((index) => predictedSet.has(index))) counts.onlyFound++;
      else errors.push({ kind: 'missed-only', [side]: only.indexes.map((i) => textOf(side, i)).join(' ') });
    }
    for (const index of predictedOnly) {
      if (!annotated[side].has(index)) continue;
      counts.predictedOnly++;
      if (!requiredSentences[side].has(index)) counts.correctOnly++;
      else errors.push({ kind: 'false-only', [side]: textOf(side, index) });
    }
  }

  // Facts: gold conflicts found in the facts table or as a differing alignment; differing rows that match no gold
  // conflict; entity rows that name nothing the gold names.
  const goldConflictSpans: Array<[number[], number[]]> = [];
  for (const fact of gold.facts) {
    const l = resolve('left', [fact.left.in]);
    const r = resolve('right', [fact.right.in]);
    if (fact.status !== 'differ') continue;
    goldConflictSpans.push([l, r]);
    counts.goldFactConflicts++;
    const inAlignment = comparison.alignments.some(
      (a) => a.relation === 'differ' && a.left.some((x) => l.includes(x)) && a.right.some((x) => r.includes(x)),
    );
    if (differRows.some((row) => rowHolds(row, l, r)) || inAlignment) counts.factConflictsFound++;
    else
      errors.push({
        kind: 'missed-fact-conflict',
        left: fact.left.text,
        right: fact.right.text,
        detail: `${fact.kind} ${fact.what}`,
      });
  }
  for (const resolved of links) {
    if (resolved.link.relation === 'differ') goldConflictSpans.push([resolved.left, resolved.right]);
  }
  for (const row of differRows) {
    if (goldConflictSpans.some(([l, r]) => rowHolds(row, l, r))) continue;
    counts.falseFactConflicts++;
    errors.push({
      kind: 'false-fact-conflict',
      left: row.left.map((m) => m.text).join(' | '),
      right: row.right.map((m) => m.text).join(' | '),
      detail: `${row.kind} ${row.label}`,
    });
  }
  const names = gold.entities.map(foldName).filter((name) => name.length > 0);
  for (const row of comparison.facts) {
    if (row.kind !== 'entity') continue;
    counts.entityRows++;
    const texts = [row.label, ...row.left.map((m) => m.text), ...row.right.map((m) => m.text)].map(foldName);
    const named = texts.some((text) => names.some((name) => nameMatches(text, name)));
    if (!named) {
      counts.junkEntities++;
      errors.push({ kind: 'junk-entity', detail: `${row.label} (${texts.slice(1).join(', ')})` });
    }
  }
  return { name, counts, errors };
}

function foldName(text: string): string {
  return fold(text)
    .replace(/^the /, '')
    .replace(/'s$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "Zelensky" names "Volodymyr Zelensky"; "South Korea" names "South Korea's"; "Korea" alone does not name "North Korea" the other way round. */
function nameMatches(text: string, name: string): boolean {
  if (text.length === 0) return false;
  const padded = ` ${name} `;
  const paddedText = ` ${text} `;
  return padded.includes(paddedText) || paddedText.includes(padded);
}
