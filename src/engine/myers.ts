// The word diff's edit script: jsdiff's diffArrays algorithm (Myers with its edge-of-graph pruning), ported
// step for step so every tie is broken the same way and the runs come out identical, but without what made
// it the single largest cost of a comparison: jsdiff keeps its frontier in an array indexed by negative
// diagonals (a slow dictionary-mode array in V8), reads the clock on every edit length, and copies the
// token values of every change. test/engine/myers.test.ts checks the output against diffArrays itself.

/** One stretch of the edit script: `count` tokens kept, added (right only) or removed (left only). */
export interface EditChange {
  count: number;
  added: boolean;
  removed: boolean;
}

interface Component extends EditChange {
  previous: Component | undefined;
}

interface Path {
  oldPos: number;
  last: Component | undefined;
}

/** A path one insertion (added) or one deletion (removed) longer, merged into its last change when alike. */
function extend(path: Path, added: boolean, removed: boolean, oldPosStep: number): Path {
  const last = path.last;
  if (last !== undefined && last.added === added && last.removed === removed) {
    return {
      oldPos: path.oldPos + oldPosStep,
      last: { count: last.count + 1, added, removed, previous: last.previous },
    };
  }
  return { oldPos: path.oldPos + oldPosStep, last: { count: 1, added, removed, previous: last } };
}

/** Follows the diagonal while both sides agree (the "snake"); returns the new position on the right side. */
function followCommon<T>(
  path: Path,
  oldTokens: ReadonlyArray<T>,
  newTokens: ReadonlyArray<T>,
  diagonal: number,
): number {
  let oldPos = path.oldPos;
  let newPos = oldPos - diagonal;
  let common = 0;
  while (
    newPos + 1 < newTokens.length &&
    oldPos + 1 < oldTokens.length &&
    oldTokens[oldPos + 1] === newTokens[newPos + 1]
  ) {
    newPos++;
    oldPos++;
    common++;
  }
  if (common > 0) path.last = { count: common, added: false, removed: false, previous: path.last };
  path.oldPos = oldPos;
  return newPos;
}

function changesOf(last: Component | undefined): EditChange[] {
  const changes: EditChange[] = [];
  for (let component = last; component !== undefined; component = component.previous) {
    changes.push({ count: component.count, added: component.added, removed: component.removed });
  }
  return changes.reverse();
}

/**
 * The shortest edit script from `oldTokens` to `newTokens` (tokens compared with ===), exactly as
 * `diffArrays(oldTokens, newTokens, { maxEditLength })` gives it, or undefined when it needs more than
 * `maxEditLength` edits.
 */
export function editScript<T>(
  oldTokens: ReadonlyArray<T>,
  newTokens: ReadonlyArray<T>,
  maxEditLength: number,
): EditChange[] | undefined {
  const oldLen = oldTokens.length;
  const newLen = newTokens.length;
  const limit = Math.min(oldLen + newLen, maxEditLength);
  // Diagonals run from -(limit + 1) to limit + 1; `offset` maps them onto array indices from 0.
  const offset = Math.max(limit, 0) + 1;
  const bestPath: Array<Path | undefined> = new Array<Path | undefined>(2 * offset + 1).fill(undefined);
  const start: Path = { oldPos: -1, last: undefined };
  bestPath[offset] = start;
  let newPos = followCommon(start, oldTokens, newTokens, 0);
  if (start.oldPos + 1 >= oldLen && newPos + 1 >= newLen) return changesOf(start.last);
  // Once a path reaches the right (bottom) edge of the edit graph on a diagonal, diagonals beyond it cannot
  // give a shorter script: jsdiff's pruning, kept because it decides which of equal-length scripts wins.
  let minDiagonal = Number.NEGATIVE_INFINITY;
  let maxDiagonal = Number.POSITIVE_INFINITY;
  for (let editLength = 1; editLength <= limit; editLength++) {
    for (
      let diagonal = Math.max(minDiagonal, -editLength);
      diagonal <= Math.min(maxDiagonal, editLength);
      diagonal += 2
    ) {
      const removePath = bestPath[offset + diagonal - 1];
      const addPath = bestPath[offset + diagonal + 1];
      if (removePath !== undefined) bestPath[offset + diagonal - 1] = undefined;
      let canAdd = false;
      if (addPath !== undefined) {
        const addPathNewPos = addPath.oldPos - diagonal;
        canAdd = addPathNewPos >= 0 && addPathNewPos < newLen;
      }
      const canRemove = removePath !== undefined && removePath.oldPos + 1 < oldLen;
      if (!canAdd && !canRemove) {
        bestPath[offset + diagonal] = undefined;
        continue;
      }
      // Branch from the path that went farther along the left side without leaving the graph.
      const base =
        !canRemove || (canAdd && (removePath as Path).oldPos < (addPath as Path).oldPos)
          ? extend(addPath as Path, true, false, 0)
          : extend(removePath as Path, false, true, 1);
      newPos = followCommon(base, oldTokens, newTokens, diagonal);
      if (base.oldPos + 1 >= oldLen && newPos + 1 >= newLen) return changesOf(base.last);
      bestPath[offset + diagonal] = base;
      if (base.oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, diagonal - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, diagonal + 1);
    }
  }
  return undefined;
}
