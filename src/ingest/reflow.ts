// Stage 3: reflow. Scrapers break sentences across lines and blank lines (a link or a line of markup stood there);
// this stage re-joins them and groups the kept lines into paragraphs.

import type { Line, LineRole } from './boilerplate.js';
import { endsWithMark } from './line-ends.js';

export interface Paragraph {
  text: string;
  role: LineRole;
}

/** A line that ends like a sentence, a label ("Ri said:") or a quotation: what follows is a new paragraph. */
const TERMINAL = endsWithMark('.!?…:;');

/** After optional opening quotes or brackets, a lower-case letter: the line continues a sentence. */
const STARTS_LOWER = /^[“"‘'([]*\p{Ll}/u;

/** A list marker: layout, not text. `- A gang of masked thieves…` → `A gang of masked thieves…`. */
const LIST_MARKER = /^[-•*·▪] (?=\S)/u;

/**
 * Words that cannot end an English sentence: a line ending with one is unfinished.
 * `Seoul estimated last week that` + `North Korea has given Moscow` → one sentence.
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor that which who whom whose whether if of to in on at by for with from into onto over ' +
    'under about after before since than as had has have was were is are be been being will would could should ' +
    'may might must can said says told its his her their our my your this these those such some any no not very ' +
    'more most less also both either neither between against during without within through across toward towards'
  ).split(' '),
);

/** True when the text of `next` continues the sentence left open at the end of `previous`. */
export function continues(previous: string, next: string): boolean {
  if (TERMINAL.test(previous)) return false;
  if (STARTS_LOWER.test(next)) return true;
  if (previous.endsWith(',')) return true;
  const lastWord = /(?<!\p{L})(\p{L}+)$/u.exec(previous)?.[1]?.toLowerCase();
  return lastWord !== undefined && FUNCTION_WORDS.has(lastWord);
}

/**
 * Groups lines into paragraphs. A line starts a new paragraph unless it continues the sentence of the line
 * before (sentences broken across lines or blank lines); only body lines are joined.
 *
 * `Asked whether North Korean soldiers had received` / `orders to kill themselves instead of being captured` /
 * `as Western intelligence had reported, Ri said: “…”` → one paragraph, one sentence.
 * `Seoul estimated last week that` / `North Korea has given Moscow` / `“some 11,000 troops, …”` → one.
 * `Neither Moscow nor Pyongyang have confirmed the deployment.` / `Seoul estimated…` → two (a full stop ends it).
 */
export function reflowLines(lines: readonly Line[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const line of lines) {
    const text = line.role === 'body' ? line.text.replace(LIST_MARKER, '') : line.text;
    const last = paragraphs.at(-1);
    if (last !== undefined && last.role === 'body' && line.role === 'body' && continues(last.text, text)) {
      last.text = `${last.text} ${text}`;
    } else {
      paragraphs.push({ text, role: line.role });
    }
  }
  return paragraphs;
}
