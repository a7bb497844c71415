// Stage 1b, HTML input only: the main text of the page, found by Mozilla Readability over a linkedom DOM,
// written out as plain text with one paragraph per block element, so the text stages that follow see the same
// kind of input as a text scrape.

import { createRequire } from 'node:module';
import type * as ReadabilityModule from '@mozilla/readability';
import type * as LinkedomModule from 'linkedom';

/**
 * linkedom and Readability are loaded on the first HTML page, not at start: linkedom alone costs ~0.15 s of start-up,
 * which every CLI run and server start paid for text input too. `require` keeps `extractHtml` synchronous.
 */
interface HtmlLibraries {
  parseHTML: typeof LinkedomModule.parseHTML;
  Readability: typeof ReadabilityModule.Readability;
}
let libraries: HtmlLibraries | null = null;
function htmlLibraries(): HtmlLibraries {
  if (libraries === null) {
    const require = createRequire(import.meta.url);
    libraries = {
      parseHTML: (require('linkedom') as typeof LinkedomModule).parseHTML,
      Readability: (require('@mozilla/readability') as typeof ReadabilityModule).Readability,
    };
  }
  return libraries;
}

export interface HtmlExtract {
  /** Plain text, one block element per paragraph, paragraphs separated by a blank line. */
  text: string;
  title: string | null;
  /** ISO date (YYYY-MM-DD) from the page's metadata, when it has one. */
  published: string | null;
  siteName: string | null;
  /** Text of the page's figure captions: the boilerplate stage gives these lines the role `caption`. */
  captions: string[];
}

/** The few DOM members the walk needs; linkedom ships no DOM lib types for Node. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}

/** Readability's serializer: the article's DOM node itself, walked below, rather than its HTML. */
function asDomNode(node: unknown): DomNode {
  return node as DomNode;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements that start a new paragraph in the text. */
const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'.split(
    ' ',
  ),
);

/** Elements whose text is never article text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'IFRAME']);

/** True when the input is HTML: by declared type, else by a leading `<` (after white space). */
export function looksLikeHtml(raw: string): boolean {
  return /^\s*</.test(raw);
}

/**
 * Extracts the article from an HTML page, or returns null when Readability finds no article in it
 * ("nothing found" is a value, as in Readability itself).
 */
export function extractHtml(html: string): HtmlExtract | null {
  const { parseHTML, Readability } = htmlLibraries();
  let parsed: ReturnType<ReadabilityModule.Readability<DomNode>['parse']>;
  try {
    // linkedom gives a fragment (`<p>…</p>` pasted alone) no body, and Readability reads only the body.
    const page = /<(?:html|body)[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
    const { document } = parseHTML(page);
    parsed = new Readability<DomNode>(document, { serializer: asDomNode }).parse();
  } catch {
    return null;
  }
  const root = parsed?.content;
  if (parsed === null || root === null || root === undefined) return null;
  const blocks: string[] = [];
  const captions: string[] = [];
  walk(root, blocks, captions);
  const text = blocks
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((block) => block !== '')
    .join('\n\n');
  if (text === '') return null;
  return {
    text,
    title: clean(parsed.title),
    published: isoDate(parsed.publishedTime),
    siteName: clean(parsed.siteName),
    captions: captions.map((c) => c.replace(/\s+/g, ' ').trim()).filter((c) => c !== ''),
  };
}

/** Appends the text of `node` to `blocks`, opening a new block at every block element. */
function walk(node: DomNode, blocks: string[], captions: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    // Line breaks in the HTML source are not line breaks on the page.
    append(blocks, (node.textContent ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIPPED.has(name)) return;
  if (name === 'BR') {
    // A line break inside a paragraph: the reflow stage decides whether it is a hard wrap.
    append(blocks, '\n');
    return;
  }
  const block = BLOCKS.has(name);
  if (block) blocks.push('');
  if (name === 'FIGCAPTION') captions.push(node.textContent ?? '');
  // Sibling links, not childNodes: linkedom builds a new childNodes list on every access.
  for (let child = node.firstChild; child !== null; child = child.nextSibling) walk(child, blocks, captions);
  if (block) blocks.push('');
}

function append(blocks: string[], text: string): void {
  if (blocks.length === 0) blocks.push('');
  blocks[blocks.length - 1] += text;
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text === undefined || text === '' ? null : text;
}

/** `2025-02-19T08:12:00+08:00` → `2025-02-19`; anything else → null. */
function isoDate(value: string | null | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value?.trim() ?? '');
  return match === null ? null : `${match[1]}-${match[2]}-${match[3]}`;
}
