// HTML pages built to be slow are refused before a DOM is built: too many elements, or nesting too deep.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INGEST } from '../../src/config.js';
import { InputError } from '../../src/errors.js';
import { htmlShape } from '../../src/ingest/html-shape.js';
import { ingestArticle } from '../../src/ingest/index.js';

const PAGE = readFileSync(join(import.meta.dirname, '../fixtures/ingest/article.html'), 'utf8');
const html = (raw: string) => () => ingestArticle({ raw, hints: { contentType: 'text/html' } });

describe('htmlShape', () => {
  it('counts start tags and nesting, with void, optional-end and raw-text elements as a browser reads them', () => {
    expect(htmlShape('<div><p>One<p>Two<br><img src=x><span>three</span></div>')).toEqual({ elements: 6, depth: 2 });
    expect(htmlShape('<script>if (a<b && c>d) { "<div><div>" }</script><b>x</b>')).toEqual({ elements: 2, depth: 1 });
    expect(htmlShape(`${'<b>'.repeat(5)}${'</b>'.repeat(5)}<i/>`)).toEqual({ elements: 6, depth: 5 });
    // A "<" with no ">" after it ends the count: nothing further can be a tag.
    expect(htmlShape(`<p>text</p>${'<a'.repeat(1000)}`)).toEqual({ elements: 1, depth: 0 });
  });

  it('lets a real saved page through and refuses pages past the limits with a clear message', () => {
    expect(htmlShape(PAGE).elements).toBeLessThan(INGEST.maxHtmlElements);
    expect(html(PAGE)).not.toThrow();
    const nested = `<p>An article.</p>${'<b>'.repeat(INGEST.maxHtmlDepth + 1)}deep`;
    expect(html(nested)).toThrow(InputError);
    expect(html(nested)).toThrow(/nests HTML elements \d+ deep; the limit is 512/);
    const flat = `<article>${'<p>'.repeat(INGEST.maxHtmlElements + 1)}</article>`;
    expect(html(flat)).toThrow(/HTML elements; the limit is 50000/);
    try {
      html(flat)();
    } catch (error) {
      expect((error as InputError).code).toBe('too-complex');
    }
  });
});
