// Whole-name matching of a fixed list of names (the alias table's), by hand: see NameMatcher.
import { codePointBefore, isLowSurrogate, isWordCodePoint } from './text.js';

/**
 * Whole-name matching of a fixed list of names, the same matches as the regular expression
 * `(?<![\p{L}\p{N}])(?:longest|…|shortest)(?![\p{L}\p{N}])` run with matchAll: look-arounds instead of \b
 * because names may end in "." ("U.S.") or contain apostrophes. Done by hand, trying only the names that
 * start with the character at a word start, because this runs on every sentence and on every phrase the
 * labels look at: about 3× faster than V8 running the ~100-way alternation (seed sentences, measured).
 */
export class NameMatcher {
  /** Names by their first UTF-16 unit (an array for ASCII, the common case), longest first, ties in code-unit order. */
  private readonly ascii: Array<Candidates | undefined> = [];
  private readonly other = new Map<number, Candidates>();

  constructor(names: string[]) {
    const sorted = [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    for (const name of sorted) {
      if (name === '') continue;
      const first = name.charCodeAt(0);
      let candidates = first < 0x80 ? this.ascii[first] : this.other.get(first);
      if (candidates === undefined) {
        candidates = { names: [], seconds: [], lasts: [] };
        if (first < 0x80) this.ascii[first] = candidates;
        else this.other.set(first, candidates);
      }
      candidates.names.push(name);
      candidates.seconds.push(name.length > 1 ? name.charCodeAt(1) : -1);
      candidates.lasts.push(name.charCodeAt(name.length - 1));
    }
  }

  /** Each match, left to right and without overlaps, as [start, name]. */
  matchAll(text: string): Array<[number, string]> {
    const found: Array<[number, string]> = [];
    this.forEachMatch(text, (start, name) => found.push([start, name]));
    return found;
  }

  /** Each match, left to right and without overlaps, given to `visit` (no array of pairs to build). */
  forEachMatch(text: string, visit: (start: number, name: string) => void): void {
    const length = text.length;
    let at = 0;
    while (at < length) {
      // Here the code point before `at` is no letter or digit, so a name may start at `at`.
      const code = text.charCodeAt(at);
      const name = this.nameAt(text, at);
      let before: number | undefined;
      if (name !== undefined) {
        visit(at, name);
        at += name.length;
        before = codePointBefore(text, at);
      } else {
        // As a /u expression does, step over a surrogate pair whole.
        const pair = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(at + 1));
        before = pair ? text.codePointAt(at) : code;
        at += pair ? 2 : 1;
      }
      if (isWordCodePoint(before)) at = pastWordRun(text, at);
    }
  }

  /** The name the alternation matches at `at`, a position after no letter or digit; undefined for none. */
  nameAt(text: string, at: number): string | undefined {
    const code = text.charCodeAt(at);
    const candidates = code < 0x80 ? this.ascii[code] : this.other.get(code);
    return candidates === undefined ? undefined : this.firstWhole(text, at, candidates);
  }

  /** The first candidate, in alternation order, written at `at` and not followed by a letter or digit. */
  private firstWhole(text: string, at: number, candidates: Candidates): string | undefined {
    const { names, seconds, lasts } = candidates;
    // Comparing the second and the last unit first rules out most names without a call: at "the", "seoul"
    // is not tried, and at "the army", neither is "the daily" ("y" is not "m").
    const next = text.charCodeAt(at + 1);
    for (let i = 0; i < names.length; i++) {
      const second = seconds[i];
      if (second !== next && second !== -1) continue;
      const candidate = names[i] as string;
      if (text.charCodeAt(at + candidate.length - 1) !== lasts[i]) continue;
      if (text.startsWith(candidate, at) && !isWordCodePoint(text.codePointAt(at + candidate.length))) return candidate;
    }
    return undefined;
  }
}

/**
 * The names that start with one UTF-16 unit, in alternation order, with their second unit (-1 for none)
 * and their last unit.
 */
interface Candidates {
  names: string[];
  seconds: number[];
  lasts: number[];
}

/**
 * From `at`, right after a letter or digit, the first position that follows a code point that is neither:
 * the positions in between cannot start a name ("korean" holds no "korea" at "k", nor "rea" at "r").
 */
function pastWordRun(text: string, from: number): number {
  const length = text.length;
  let at = from;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (code < 0x80) {
      at++;
      const letter = code | 0x20;
      if (!((letter >= 0x61 && letter <= 0x7a) || (code >= 0x30 && code <= 0x39))) return at;
    } else {
      const pair = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(at + 1));
      const codePoint = pair ? (text.codePointAt(at) as number) : code;
      at += pair ? 2 : 1;
      if (!isWordCodePoint(codePoint)) return at;
    }
  }
  return at;
}
