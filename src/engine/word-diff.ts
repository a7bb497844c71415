// Word diff inside one matched pair, with jsdiff's diffArrays over our own units: numbers stay whole
// ("10,000" is one unit, where diffWords splits it), and a name or phrase of the alias/equivalence table
// is one unit compared by its canonical key, so "per cent" against "percent" or "ROK" against "South Korea"
// comes out as `equivalent`, not as a change.
import { diffArrays } from 'diff';
import type { DiffRun } from '../types.js';
import { aliasesIn } from './aliases.js';
import { findEquivalentPhrases } from './equivalences.js';
import { foldForMatch, forEachToken, parseNumeral } from './text.js';

export interface WordDiff {
  runs: DiffRun[];
  /** True when the edit budget ran out and `runs` is the two texts whole. */
  truncated: boolean;
}

/**
 * A text's units, as offsets: unit k is text[starts[k], starts[k + 1]) (the last one runs to the end), its
 * white space starts at spaceStarts[k], and keys[k] is what it is compared by (entity key, equivalence key,
 * numeric value, or folded text). Units cover the text end to end, so a stretch of them is one slice of the
 * text and no unit needs an object or a string of its own until the diff shows it.
 */
interface Units {
  text: string;
  keys: string[];
  starts: number[];
  spaceStarts: number[];
}

/** Gathers a text's units. */
class UnitsBuilder {
  readonly keys: string[] = [];
  readonly starts: number[] = [];
  readonly spaceStarts: number[] = [];
  /** Folding keeps offsets, so the whole text is folded once and each token's key is a slice of it. */
  private readonly folded: string;
  private readonly sameShape: boolean;

  constructor(private readonly text: string) {
    this.folded = foldForMatch(text);
    this.sameShape = this.folded.length === text.length;
  }

  add(start: number, end: number, key: string): void {
    // White space opening the text has no unit before it and is a unit of its own.
    if (key === ' ' && this.keys.length > 0) return;
    this.keys.push(key);
    this.starts.push(start);
    this.spaceStarts.push(end);
  }

  /** The plain tokens of text[from, upTo): numbers by value, words by their folded text. */
  addPlain(from: number, upTo: number): void {
    if (upTo <= from) return;
    const stretch = this.text.slice(from, upTo);
    forEachToken(stretch, (start, end, kind) => {
      const key =
        kind === 'number'
          ? `n:${parseNumeral(stretch.slice(start, end))}`
          : kind === 'space'
            ? ' '
            : `t:${this.sameShape ? this.folded.slice(from + start, from + end) : foldForMatch(stretch.slice(start, end))}`;
      this.add(from + start, from + end, key);
    });
  }
}

function unitsOf(text: string): Units {
  const spans: Array<{ start: number; end: number; key: string }> = [];
  for (const entity of aliasesIn(text)) spans.push({ start: entity.start, end: entity.end, key: `e:${entity.key}` });
  for (const phrase of findEquivalentPhrases(text)) {
    spans.push({ start: phrase.start, end: phrase.end, key: `q:${phrase.key}` });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // White space rides on the unit before it, so the diff works on words alone: half the units, a quarter
  // of the work. "ran  fast" → ["ran  "(ran), "fast"(fast)].
  const units = new UnitsBuilder(text);
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue;
    units.addPlain(cursor, span.start);
    units.add(span.start, span.end, span.key);
    cursor = span.end;
  }
  units.addPlain(cursor, text.length);
  return { text, keys: units.keys, starts: units.starts, spaceStarts: units.spaceStarts };
}

function push(runs: DiffRun[], run: DiffRun): void {
  const last = runs[runs.length - 1];
  if (last !== undefined && last.op === run.op && run.op !== 'equivalent' && last.op !== 'equivalent') {
    last.text += run.text;
  } else runs.push(run);
}

/** The white space a text ends with, as /\s*$/ finds it: "10,000 " → " ". */
function trailingSpace(text: string): string {
  let start = text.length;
  while (start > 0 && /\s/.test(text.charAt(start - 1))) start--;
  return text.slice(start);
}

function isChange(run: DiffRun | undefined): boolean {
  return run !== undefined && (run.op === 'left' || run.op === 'right');
}

/**
 * One stretch of changes, as all of its left text, then all of its right text. White space both sides end
 * the change with is shared: "<del>10,000 </del><ins>11,000 </ins>" → "<del>10,000</del><ins>11,000</ins> ".
 */
function pushChange(grouped: DiffRun[], leftText: string, rightText: string): void {
  const leftSpace = trailingSpace(leftText);
  const rightSpace = trailingSpace(rightText);
  const shared = leftText !== '' && rightText !== '' && leftSpace === rightSpace ? leftSpace : '';
  const leftCore = leftText.slice(0, leftText.length - shared.length);
  const rightCore = rightText.slice(0, rightText.length - shared.length);
  if (leftCore !== '') grouped.push({ op: 'left', text: leftCore });
  if (rightCore !== '') grouped.push({ op: 'right', text: rightCore });
  if (shared !== '') push(grouped, { op: 'equal', text: shared });
}

/**
 * Readability pass: a stretch of white space alone between two changes is given to both sides, so the
 * change reads as one phrase. "<del>many</del> <ins>almost</ins>…" → "<del>many </del><ins>almost </ins>".
 */
function absorbLoneSpaces(runs: DiffRun[]): DiffRun[] {
  const out: DiffRun[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as DiffRun;
    if (run.op === 'equal' && /^\s+$/.test(run.text) && isChange(runs[i - 1]) && isChange(runs[i + 1])) {
      out.push({ op: 'left', text: run.text }, { op: 'right', text: run.text });
    } else out.push(run);
  }
  // Group each stretch of changes as all of its left text, then all of its right text.
  const grouped: DiffRun[] = [];
  let leftText = '';
  let rightText = '';
  for (const run of out) {
    if (run.op === 'left') leftText += run.text;
    else if (run.op === 'right') rightText += run.text;
    else {
      pushChange(grouped, leftText, rightText);
      leftText = '';
      rightText = '';
      push(grouped, run);
    }
  }
  pushChange(grouped, leftText, rightText);
  return grouped;
}

/**
 * jsdiff's diff of two key arrays, run on the keys both sides have: a unit whose key the other side lacks
 * can only be an edit, and leaving it out does not change which units jsdiff pairs (checked against jsdiff
 * itself on random arrays in test/engine/word-diff.test.ts), while the work, which grows with the number of
 * edits squared, shrinks to that of the shared words: two loosely matched sentences of the seed story, 28
 * and 53 units, become 15 and 16 units. The pairs come back as positions in the whole arrays,
 * ascending; `undefined` when the edit budget runs out, the left-out units counted against it.
 */
export function pairedUnits(
  leftKeys: ReadonlyArray<string>,
  rightKeys: ReadonlyArray<string>,
  maxEditLength: number,
): Array<[number, number]> | undefined {
  // Small integers for keys: jsdiff compares with ===, and equal keys get equal numbers.
  const ids = new Map<string, number>();
  const leftIds: number[] = [];
  for (const key of leftKeys) {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    leftIds.push(id);
  }
  const onRight = new Uint8Array(ids.size);
  const rightIds: number[] = [];
  const rightAt: number[] = [];
  for (let j = 0; j < rightKeys.length; j++) {
    const id = ids.get(rightKeys[j] as string);
    if (id === undefined) continue;
    onRight[id] = 1;
    rightIds.push(id);
    rightAt.push(j);
  }
  const sharedLeftIds: number[] = [];
  const leftAt: number[] = [];
  for (let i = 0; i < leftIds.length; i++) {
    const id = leftIds[i] as number;
    if (onRight[id] === 0) continue;
    sharedLeftIds.push(id);
    leftAt.push(i);
  }
  const leftOut = leftKeys.length - leftAt.length + rightKeys.length - rightAt.length;
  if (leftOut > maxEditLength) return undefined;
  const changes = diffArrays(sharedLeftIds, rightIds, { maxEditLength: maxEditLength - leftOut });
  if (changes === undefined) return undefined;
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) i += count;
    else if (change.added) j += count;
    else {
      for (let k = 0; k < count; k++) pairs.push([leftAt[i + k] as number, rightAt[j + k] as number]);
      i += count;
      j += count;
    }
  }
  return pairs;
}

/** The text of units[from..to), white space included: one slice, as the units are contiguous. */
function textOf(units: Units, from: number, to: number): string {
  return units.text.slice(
    units.starts[from] as number,
    to < units.starts.length ? (units.starts[to] as number) : units.text.length,
  );
}

/** The units between two paired ones, as edits: all of the left ones, then all of the right ones. */
function pushEdits(
  runs: DiffRun[],
  left: Units,
  leftFrom: number,
  leftTo: number,
  right: Units,
  rightFrom: number,
  rightTo: number,
): void {
  if (leftFrom < leftTo) push(runs, { op: 'left', text: textOf(left, leftFrom, leftTo) });
  if (rightFrom < rightTo) push(runs, { op: 'right', text: textOf(right, rightFrom, rightTo) });
}

/** The word diff of two sentences (or sentence groups). Joining equal/left/equivalent.left runs gives back `left`. */
export function diffSentences(left: string, right: string, maxEditLength: number): WordDiff {
  // Wire copy repeats most sentences word for word: nothing to diff.
  if (left === right) return { runs: left === '' ? [] : [{ op: 'equal', text: left }], truncated: false };
  const leftUnits = unitsOf(left);
  const rightUnits = unitsOf(right);
  const pairs = pairedUnits(leftUnits.keys, rightUnits.keys, maxEditLength);
  if (pairs === undefined) {
    const runs: DiffRun[] = [];
    if (left !== '') runs.push({ op: 'left', text: left });
    if (right !== '') runs.push({ op: 'right', text: right });
    return { runs, truncated: true };
  }
  const runs: DiffRun[] = [];
  let i = 0;
  let j = 0;
  // The units between two paired ones are edits: all of the left ones, then all of the right ones (the
  // readability pass groups each stretch of changes that way whatever order jsdiff listed them in).
  for (const [at, bt] of pairs) {
    pushEdits(runs, leftUnits, i, at, rightUnits, j, bt);
    i = at + 1;
    j = bt + 1;
    const aText = textOf(leftUnits, at, i);
    const bText = textOf(rightUnits, bt, j);
    if (aText === bText) {
      push(runs, { op: 'equal', text: aText });
      continue;
    }
    // The unit's own text and its white space: "10,000 " → "10,000", " ".
    const aSpaceAt = (leftUnits.spaceStarts[at] as number) - (leftUnits.starts[at] as number);
    const bSpaceAt = (rightUnits.spaceStarts[bt] as number) - (rightUnits.starts[bt] as number);
    const aCore = aText.slice(0, aSpaceAt);
    const bCore = bText.slice(0, bSpaceAt);
    const aSpace = aText.slice(aSpaceAt);
    const bSpace = bText.slice(bSpaceAt);
    if (aCore === bCore) push(runs, { op: 'equal', text: aCore });
    else runs.push({ op: 'equivalent', left: aCore, right: bCore });
    if (aSpace === bSpace) push(runs, { op: 'equal', text: aSpace });
    else {
      if (aSpace !== '') push(runs, { op: 'left', text: aSpace });
      if (bSpace !== '') push(runs, { op: 'right', text: bSpace });
    }
  }
  pushEdits(runs, leftUnits, i, leftUnits.keys.length, rightUnits, j, rightUnits.keys.length);
  return { runs: absorbLoneSpaces(runs), truncated: false };
}

/** Equivalent runs worth naming to a reader: table phrases and numbers written two ways, not case or quote style. */
export function meaningfulEquivalents(runs: ReadonlyArray<DiffRun>): Array<{ left: string; right: string }> {
  const seen = new Set<string>();
  const found: Array<{ left: string; right: string }> = [];
  for (const run of runs) {
    if (run.op !== 'equivalent') continue;
    const left = foldForMatch(run.left).replace(/\s+/g, ' ');
    const right = foldForMatch(run.right).replace(/\s+/g, ' ');
    if (left === right) continue;
    // A country and its adjective ("North Korea" / "North Korean") is grammar, not wording worth naming.
    if (left.startsWith(right) || right.startsWith(left)) continue;
    const key = `${run.left}\u0000${run.right}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ left: run.left, right: run.right });
  }
  return found;
}

/** Rebuild one side's text from runs: the property the diff must keep. */
export function rebuild(runs: ReadonlyArray<DiffRun>, side: 'left' | 'right'): string {
  return runs
    .map((run) =>
      run.op === 'equal' ? run.text : run.op === 'equivalent' ? run[side] : run.op === side ? run.text : '',
    )
    .join('');
}
