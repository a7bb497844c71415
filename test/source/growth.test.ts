// The hand-written scanners of the ingest and the engine grow linearly: on inputs built to be slow, twice the
// input costs at most 2.2 times the steps. Steps, not time: a timed test on a shared machine is noise.
import { describe, expect, it } from 'vitest';
import { speakerAfterQuote } from '../../src/engine/quotes.js';
import { SpanCursor } from '../../src/engine/text.js';
import { htmlShape } from '../../src/ingest/html-shape.js';
import { sentenceEnds } from '../../src/ingest/sentence-break.js';
import type { StepCounter } from '../../src/types.js';

/** Steps at size n and 2n of `scan` over `make(n)`. */
function growth(make: (n: number) => string, scan: (text: string, steps: StepCounter) => unknown, n = 2_000): number {
  const at = (size: number): number => {
    const steps = { count: 0 };
    scan(make(size), steps);
    return steps.count;
  };
  const once = at(n);
  expect(once).toBeGreaterThan(0);
  return at(2 * n) / once;
}

describe('hand-written scanners grow linearly', () => {
  it.each([
    ['nested <b>', (n: number) => '<b>'.repeat(n)],
    ['empty <p>', (n: number) => '<p>'.repeat(n)],
    ['"<a" with no ">"', (n: number) => `<p>x</p>${'<a'.repeat(n)}`],
    ['<div><span><a>', (n: number) => '<div><span><a>'.repeat(n)],
    ['unclosed <script>', (n: number) => `<p>x</p>${'<script>'.repeat(n)}`],
    ['end tags', (n: number) => '</div>'.repeat(n)],
  ])('htmlShape: %s', (_name, make) => {
    expect(growth(make, (text, steps) => htmlShape(text, steps))).toBeLessThanOrEqual(2.2);
  });

  it.each([
    ['quote marks with long gaps', (n: number) => `\uE000${' ,'.repeat(30)}`.repeat(n)],
    ['quote marks before 60-character phrases', (n: number) => `\uE000 ${'x'.repeat(59)} `.repeat(n)],
    ['\'"…," he said\' over and over', (n: number) => '\uE000, he said '.repeat(n)],
  ])('speakerAfterQuote: %s', (_name, make) => {
    expect(growth(make, (text, steps) => speakerAfterQuote(text, steps))).toBeLessThanOrEqual(2.2);
  });

  it.each([
    ['full stops and spaces', (n: number) => '. '.repeat(n)],
    ['a full stop before digits and closers', (n: number) => `Jan. ${'1 ) '.repeat(n)}a`],
    ['abbreviations', (n: number) => 'U.S. Army said. '.repeat(n)],
  ])('sentenceEnds: %s', (_name, make) => {
    expect(growth(make, (text, steps) => sentenceEnds(text, steps))).toBeLessThanOrEqual(2.2);
  });

  it('SpanCursor: a word-by-word walk over many names and dates', () => {
    const walk = (text: string, steps: StepCounter) => {
      const n = text.length;
      // Spans every other position, and one long span over all: every word asks.
      const spans = [
        { start: 0, end: n },
        ...Array.from({ length: n / 2 }, (_, i) => ({ start: 2 * i, end: 2 * i + 1 })),
      ];
      const cursor = new SpanCursor(spans, steps);
      for (let at = 0; at < n; at++) cursor.overlaps(at, at + 1);
    };
    expect(growth((n) => 'x'.repeat(n), walk)).toBeLessThanOrEqual(2.2);
  });
});
