// Word diff inside one matched pair, with jsdiff's diffArrays over our own units: numbers stay whole
// ("10,000" is one unit, where diffWords splits it), and a name or phrase of the alias/equivalence table
// is one unit compared by its canonical key, so "per cent" against "percent" or "ROK" against "South Korea"
// comes out as `equivalent`, not as a change.
import { diffArrays } from 'diff';
import type { DiffRun } from '../types.js';
import { aliasesIn, findEquivalentPhrases } from './aliases.js';
import { memoize } from './memo.js';
import { foldForMatch, parseNumeral, tokenize } from './text.js';

interface Unit {
  text: string;
  /** What the unit is compared by: entity key, equivalence key, numeric value, or folded text. */
  key: string;
  /** True for table-driven units (aliases, equivalences), the ones worth telling a reader about. */
  named: boolean;
  /** The white space after the unit, part of `text`. */
  space: string;
}

export interface WordDiff {
  runs: DiffRun[];
  /** True when the edit budget ran out and `runs` is the two texts whole. */
  truncated: boolean;
}

const unitsOf: (text: string) => Unit[] = memoize(unitsOfText);

function unitsOfText(text: string): Unit[] {
  const spans = [
    ...aliasesIn(text).map((entity) => ({ ...entity, key: `e:${entity.key}` })),
    ...findEquivalentPhrases(text).map((phrase) => ({ ...phrase, key: `q:${phrase.key}` })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const units: Unit[] = [];
  // Folding keeps offsets, so the whole text is folded once and each token's key is a slice of it.
  const folded = foldForMatch(text);
  const sameShape = folded.length === text.length;
  let cursor = 0;
  const plain = (upTo: number): void => {
    if (upTo <= cursor) return;
    for (const token of tokenize(text.slice(cursor, upTo))) {
      const key =
        token.kind === 'number'
          ? `n:${parseNumeral(token.text)}`
          : token.kind === 'space'
            ? ' '
            : `t:${sameShape ? folded.slice(cursor + token.start, cursor + token.end) : foldForMatch(token.text)}`;
      units.push({ text: token.text, key, named: false, space: '' });
    }
  };
  for (const span of spans) {
    if (span.start < cursor) continue;
    plain(span.start);
    units.push({ text: text.slice(span.start, span.end), key: span.key, named: true, space: '' });
    cursor = span.end;
  }
  plain(text.length);
  // White space rides on the unit before it, so the diff works on words alone: half the units, a quarter
  // of the work. "ran  fast" → ["ran  "(ran), "fast"(fast)].
  const merged: Unit[] = [];
  for (const unit of units) {
    const previous = merged[merged.length - 1];
    if (unit.key === ' ' && previous !== undefined) {
      previous.text += unit.text;
      previous.space += unit.text;
    } else merged.push(unit);
  }
  return merged;
}

function push(runs: DiffRun[], run: DiffRun): void {
  const last = runs[runs.length - 1];
  if (last !== undefined && last.op === run.op && run.op !== 'equivalent' && last.op !== 'equivalent') {
    last.text += run.text;
  } else runs.push(run);
}

/**
 * Readability pass: a stretch of white space alone between two changes is given to both sides, so the
 * change reads as one phrase. "<del>many</del> <ins>almost</ins>…" → "<del>many </del><ins>almost </ins>".
 */
function absorbLoneSpaces(runs: DiffRun[]): DiffRun[] {
  const out: DiffRun[] = [];
  const changed = (run: DiffRun | undefined): boolean => run !== undefined && (run.op === 'left' || run.op === 'right');
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as DiffRun;
    if (run.op === 'equal' && /^\s+$/.test(run.text) && changed(runs[i - 1]) && changed(runs[i + 1])) {
      out.push({ op: 'left', text: run.text }, { op: 'right', text: run.text });
    } else out.push(run);
  }
  // Group each stretch of changes as all of its left text, then all of its right text.
  const grouped: DiffRun[] = [];
  let leftText = '';
  let rightText = '';
  const flush = (): void => {
    // White space both sides end a change with is shared: "<del>10,000 </del><ins>11,000 </ins>" →
    // "<del>10,000</del><ins>11,000</ins> ".
    const leftSpace = /\s*$/.exec(leftText)?.[0] ?? '';
    const rightSpace = /\s*$/.exec(rightText)?.[0] ?? '';
    const shared = leftText !== '' && rightText !== '' && leftSpace === rightSpace ? leftSpace : '';
    const leftCore = leftText.slice(0, leftText.length - shared.length);
    const rightCore = rightText.slice(0, rightText.length - shared.length);
    if (leftCore !== '') grouped.push({ op: 'left', text: leftCore });
    if (rightCore !== '') grouped.push({ op: 'right', text: rightCore });
    if (shared !== '') push(grouped, { op: 'equal', text: shared });
    leftText = '';
    rightText = '';
  };
  for (const run of out) {
    if (run.op === 'left') leftText += run.text;
    else if (run.op === 'right') rightText += run.text;
    else {
      flush();
      push(grouped, run);
    }
  }
  flush();
  return grouped;
}

/** The word diff of two sentences (or sentence groups). Joining equal/left/equivalent.left runs gives back `left`. */
export function diffSentences(left: string, right: string, maxEditLength: number): WordDiff {
  // Wire copy repeats most sentences word for word: nothing to diff.
  if (left === right) return { runs: left === '' ? [] : [{ op: 'equal', text: left }], truncated: false };
  const leftUnits = unitsOf(left);
  const rightUnits = unitsOf(right);
  // Diffing the keys as plain strings lets jsdiff compare with ===, several times faster than a comparator.
  const changes = diffArrays(
    leftUnits.map((unit) => unit.key),
    rightUnits.map((unit) => unit.key),
    { maxEditLength },
  );
  if (changes === undefined) {
    const runs: DiffRun[] = [];
    if (left !== '') runs.push({ op: 'left', text: left });
    if (right !== '') runs.push({ op: 'right', text: right });
    return { runs, truncated: true };
  }
  const runs: DiffRun[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) {
      push(runs, {
        op: 'left',
        text: leftUnits
          .slice(i, i + count)
          .map((unit) => unit.text)
          .join(''),
      });
      i += count;
    } else if (change.added) {
      push(runs, {
        op: 'right',
        text: rightUnits
          .slice(j, j + count)
          .map((unit) => unit.text)
          .join(''),
      });
      j += count;
    } else {
      for (let k = 0; k < count; k++) {
        const a = leftUnits[i + k] as Unit;
        const b = rightUnits[j + k] as Unit;
        if (a.text === b.text) {
          push(runs, { op: 'equal', text: a.text });
          continue;
        }
        const aCore = a.text.slice(0, a.text.length - a.space.length);
        const bCore = b.text.slice(0, b.text.length - b.space.length);
        if (aCore === bCore) push(runs, { op: 'equal', text: aCore });
        else runs.push({ op: 'equivalent', left: aCore, right: bCore });
        if (a.space === b.space) push(runs, { op: 'equal', text: a.space });
        else {
          if (a.space !== '') push(runs, { op: 'left', text: a.space });
          if (b.space !== '') push(runs, { op: 'right', text: b.space });
        }
      }
      i += count;
      j += count;
    }
  }
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
