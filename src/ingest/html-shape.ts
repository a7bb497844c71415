// Stage 1a, HTML input only: how many elements a page has and how deeply they nest, counted in one pass before
// any DOM is built, so that a page built to be slow (40,000 nested <b>, 100,000 empty <p>) is refused before
// linkedom and Readability spend seconds and hundreds of megabytes on it.

import type { StepCounter } from '../types.js';

/** Elements that have no end tag, and those whose end tag a page may leave out (`<p>` after `<p>`): neither nests. */
const FLAT = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
  'colgroup',
  'rt',
  'rp',
]);
/** Elements whose content is text, not markup: skipped to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'noscript']);

export interface HtmlShape {
  /** Start tags. */
  elements: number;
  /** The deepest nesting of elements that nest. */
  depth: number;
}

/**
 * Counts start tags and the nesting depth. Linear: each `<` is read once, and once one has no `>` after it none
 * further on has either. An estimate, not a parser (no implied end tags beyond FLAT), which errs towards deeper.
 */
export function htmlShape(html: string, steps?: StepCounter): HtmlShape {
  const lower = html.toLowerCase();
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  let at = lower.indexOf('<');
  while (at >= 0) {
    const close = lower.indexOf('>', at + 1);
    if (close < 0) break;
    if (steps !== undefined) steps.count += close - at;
    const closing = lower.charCodeAt(at + 1) === 0x2f;
    let end = at + (closing ? 2 : 1);
    while (end < close && isNameCode(lower.charCodeAt(end))) end++;
    const name = lower.slice(at + (closing ? 2 : 1), end);
    let next = close + 1;
    if (name !== '' && isLetter(name.charCodeAt(0))) {
      if (closing) {
        if (!FLAT.has(name) && depth > 0) depth--;
      } else {
        elements++;
        if (RAW_TEXT.has(name)) {
          const rawEnd = lower.indexOf(`</${name}`, next);
          if (steps !== undefined) steps.count += (rawEnd < 0 ? lower.length : rawEnd) - next;
          next = rawEnd < 0 ? lower.length : rawEnd;
        } else if (!FLAT.has(name) && lower.charCodeAt(close - 1) !== 0x2f) {
          depth++;
          if (depth > deepest) deepest = depth;
        }
      }
    }
    at = lower.indexOf('<', next);
  }
  return { elements, depth: deepest };
}

function isLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isNameCode(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
}
