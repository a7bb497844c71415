// Quoted spans and who said them. A sentence is read with what came before it in the same article:
// a quote opened in one sentence may close in the next, and "he said" names the last speaker.

import type { StepCounter } from '../types.js';
import { aliasesIn } from './aliases.js';
import { stem } from './nlp.js';
import { allMatches, foldForMatch, slugify } from './text.js';

export interface QuoteMention {
  /** The quoted words, without the quote marks. */
  text: string;
  start: number;
  end: number;
}

export interface Speaker {
  /** The words that name the speaker, as written ("the unidentified official", "Ri"). */
  text: string;
  /** Canonical key: a name slug ("lee-jae-woong"), an entity key ("south-korea") or a role stem ("offici"). */
  key: string;
}

export interface QuoteContext {
  insideQuote: boolean;
  lastSpeaker: Speaker | null;
}

export function newQuoteContext(): QuoteContext {
  return { insideQuote: false, lastSpeaker: null };
}

export interface QuoteScan {
  quotes: QuoteMention[];
  speaker: Speaker | null;
}

const SPEECH_VERB = /\b(said|says|told|tells|added|adds|asked|stated|noted|wrote|explained|insisted|recalled)\b/g;
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const DETERMINERS = /^(?:a|an|the|one|another|this|that|its|his|her|their|our|some)\s/i;
const NP_CUT = /\s(?:from|of|at|on|in|with|who|which|for|to|told|during)\s/i;
/** A run of capitalised words: "Yoon Suk Yeol", "Foreign Ministry". */
const CAPITALISED_WORDS = /\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)*/gu;
const TITLES = new Set(['president', 'minister', 'spokesperson', 'spokesman', 'spokeswoman', 'mr', 'mrs', 'ms', 'dr']);

/** Spans between double quotes (curly or straight) in one sentence, with quotes left open at either end. */
function findQuoteSpans(text: string, context: QuoteContext): QuoteMention[] {
  const folded = foldForMatch(text);
  const marks: number[] = [];
  for (let mark = folded.indexOf('"'); mark >= 0; mark = folded.indexOf('"', mark + 1)) marks.push(mark);
  const spans: QuoteMention[] = [];
  let open = context.insideQuote ? 0 : -1;
  let first = true;
  for (const mark of marks) {
    if (open >= 0) {
      const from = open === 0 && context.insideQuote && first ? 0 : open + 1;
      spans.push({ text: text.slice(from, mark).trim(), start: from, end: mark });
      open = -1;
    } else open = mark;
    first = false;
  }
  if (open >= 0) {
    const from = open === 0 && context.insideQuote && marks.length === 0 ? 0 : open + 1;
    spans.push({ text: text.slice(from).trim(), start: from, end: text.length });
    context.insideQuote = true;
  } else context.insideQuote = false;
  return spans.filter((span) => /\p{L}/u.test(span.text));
}

/** Canonical key of a speaker phrase; null for a pronoun with no one to refer back to. */
function speakerKey(phrase: string, context: QuoteContext): Speaker | null {
  const trimmed = phrase.replace(/^[\s,;:–—"“”-]+|(?<![\s,;:–—"“”-])[\s,;:–—"“”-]+$/g, '');
  if (trimmed === '') return null;
  const folded = foldForMatch(trimmed);
  if (PRONOUNS.has(folded)) return context.lastSpeaker;
  // A person of the alias table anywhere in the phrase is the speaker: "Ukrainian President Volodymyr
  // Zelenskyy" and "Zelensky on the social network X" are both zelensky.
  const known = aliasesIn(trimmed);
  const person = known.find((entity) => entity.kind === 'person');
  if (person !== undefined) return { text: trimmed, key: person.key };
  // Other names lose the countries and titles before them: "South Korean President Yoon Suk Yeol" → yoon-suk-yeol.
  let bare = trimmed;
  for (const entity of known)
    bare = `${bare.slice(0, entity.start)}${' '.repeat(entity.end - entity.start)}${bare.slice(entity.end)}`;
  const beforeModifier = bare.split(NP_CUT)[0] ?? bare;
  const capitalised = allMatches(CAPITALISED_WORDS, beforeModifier);
  const last = capitalised.filter((match) => match.index > 0 || !DETERMINERS.test(trimmed)).pop();
  if (last === undefined && DETERMINERS.test(trimmed)) {
    // "an official from Seoul's Foreign Ministry" → official: the head noun before the modifier.
    const head = folded.split(NP_CUT)[0]?.trim().split(/\s+/).pop() ?? '';
    return head === '' ? null : { text: trimmed, key: `role:${stem(head)}` };
  }
  if (last === undefined) {
    // Only a country or body of the alias table ("Seoul said"), or a role with no capital ("officials said").
    const entity = known[known.length - 1];
    if (entity !== undefined && known.length === 1) return { text: trimmed, key: entity.key };
    const head = folded.split(NP_CUT)[0]?.trim().split(/\s+/).pop() ?? '';
    return head === '' ? null : { text: trimmed, key: `role:${stem(head)}` };
  }
  const nameWords = last[0].split(/\s+/).filter((word) => !TITLES.has(foldForMatch(word)));
  const name = nameWords.join(' ').replace(/['’]s$/, '');
  return { text: trimmed, key: slugify(name) };
}

/** Characters before a speech verb in which its speaker is looked for: a name, its title and a relative clause. */
const SPEAKER_LOOK_BACK = 400;

/** Clause pieces that cannot be the subject: relative and participle clauses, intro phrases. */
const NOT_SUBJECT =
  /^(?:who|which|whose|whom|where|when|while|born|aged|captured|identified|visibly|[a-z]+ed\b|[a-z]+ing\b|in|on|at|after|before|during|according|asked|speaking|commenting)\b/i;

/**
 * The noun phrase right before a speech verb: the last clause piece, or for "X, who …, said" the last
 * piece that can be a subject. "In Tuesday’s hearing, Ri — who was detained last week — said" → Ri.
 */
function phraseBefore(before: string): string {
  const pieces = before.split(/[,;:(\u2013\u2014]|\s-\s|\uE000/).map((piece) => piece.trim());
  const lastPiece = pieces[pieces.length - 1] ?? '';
  const chosen =
    lastPiece !== ''
      ? lastPiece
      : ([...pieces].reverse().find((piece) => piece !== '' && !NOT_SUBJECT.test(piece)) ?? '');
  return chosen.split(/\s+/).length > 8 ? '' : chosen;
}

/** Verbs that may come right after a quote, before the speaker: '"…," said Lee'. */
const SAID_FIRST = ['said', 'says', 'added'];
/** Verbs after the speaker: '"…," Ri said'. */
const SAID_AFTER = ['said', 'says', 'told', 'tells', 'added', 'adds', 'asked'];
/** Characters. Longest speaker phrase looked for after a quote. */
const MAX_SPEAKER_AFTER_QUOTE = 60;

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);
const isWordChar = (char: string | undefined): boolean => char !== undefined && /\w/.test(char);
/** Between a quote and its speaker: white space, commas and quote marks. */
const isGap = (char: string | undefined): boolean =>
  isSpace(char) || char === ',' || char === '"' || char === '“' || char === '”';

function verbAt(text: string, at: number, verbs: ReadonlyArray<string>): string | undefined {
  return verbs.find((verb) => text.startsWith(verb, at));
}

/**
 * The speaker named right after a quote (quotes blanked to U+E000), as written: '\uE000, Ri said' → "Ri";
 * '\uE000 said Lee' → "Lee". The first quote that has one wins. Read by hand, a bounded look at each quote mark,
 * so a sentence of many quotes is read in linear time (the expression it replaces, kept in the tests as the
 * reference, was polynomial under the recheck ReDoS checker): the same answers, gap by gap.
 */
export function speakerAfterQuote(text: string, steps?: StepCounter): string | null {
  for (let mark = text.indexOf('\uE000'); mark >= 0; mark = text.indexOf('\uE000', mark + 1)) {
    let gapEnd = mark + 1;
    while (isGap(text[gapEnd])) gapEnd++;
    if (steps !== undefined) steps.count += gapEnd - mark;
    // The expression's gap was greedy: the longest first, then shorter ones (a shorter gap makes the speaker
    // phrase start with a comma or a space, never with a quote mark).
    for (let from = gapEnd; from > mark; from--) {
      if (from < gapEnd && (text[from] === '"' || text[from] === '“' || text[from] === '”')) break;
      const found = verbFirst(text, from, steps) ?? speakerFirst(text, from, steps);
      if (found !== null) return found;
    }
  }
  return null;
}

/** 'said Lee': a verb, white space, then up to 60 characters up to a comma, full stop, colon or quote. */
function verbFirst(text: string, from: number, steps?: StepCounter): string | null {
  const verb = verbAt(text, from, SAID_FIRST);
  if (verb === undefined) return null;
  let at = from + verb.length;
  const spaceStart = at;
  while (isSpace(text[at])) at++;
  if (at === spaceStart) return null;
  const allowed = (char: string | undefined) => char !== undefined && !',.;:\uE000'.includes(char);
  // The white space gives its last character to the phrase when nothing else can start it.
  let start = at;
  if (!allowed(text[start])) {
    if (at - spaceStart < 2) return null;
    start = at - 1;
  }
  let end = start;
  while (end - start < MAX_SPEAKER_AFTER_QUOTE && allowed(text[end])) end++;
  if (steps !== undefined) steps.count += end - from;
  return text.slice(start, end);
}

/** 'Ri said': the shortest phrase (up to 60 characters, no full stop, colon or quote) before white space and a verb. */
function speakerFirst(text: string, from: number, steps?: StepCounter): string | null {
  const opening = verbAt(text, from, SAID_FIRST);
  if (opening !== undefined && !isWordChar(text[from + opening.length])) return null;
  const allowed = (char: string | undefined) => char !== undefined && !'\uE000.;:"“”'.includes(char);
  for (let end = from + 1; end - from <= MAX_SPEAKER_AFTER_QUOTE && allowed(text[end - 1]); end++) {
    let at = end;
    while (isSpace(text[at])) at++;
    if (steps !== undefined) steps.count += 1 + at - end;
    if (at === end) continue;
    const verb = verbAt(text, at, SAID_AFTER);
    if (verb !== undefined && !isWordChar(text[at + verb.length])) return text.slice(from, end);
  }
  return null;
}

/** `text` with each quote (in text order, apart, as findQuoteSpans gives them) written as U+E000 marks. */
function blankQuotes(text: string, quotes: ReadonlyArray<QuoteMention>): string {
  let blanked = '';
  let cursor = 0;
  for (const quote of quotes) {
    blanked += `${text.slice(cursor, quote.start)}${'\uE000'.repeat(quote.end - quote.start)}`;
    cursor = quote.end;
  }
  return blanked + text.slice(cursor);
}

/**
 * Quotes and speaker of one sentence. Before → after:
 * '"Some committed suicide to avoid capture," he said.' (after Ri spoke) → speaker Ri;
 * 'Foreign Ministry spokesperson Lee Jae-woong told a press briefing' → lee-jae-woong.
 */
export function findQuotes(text: string, context: QuoteContext): QuoteScan {
  const quotes = findQuoteSpans(text, context);
  // Blank out quoted words so a speech verb inside a quote is not taken for an attribution.
  let outside = quotes.length === 0 ? text : blankQuotes(text, quotes);
  // One mark per quote: its length is not needed, and a long blank run makes the patterns below backtrack.
  if (outside.includes('\uE000\uE000')) outside = outside.replace(/\uE000+/g, '\uE000');
  let speaker: Speaker | null = null;
  // An attribution right after a quote wins over a speech verb earlier in the sentence:
  // 'Officials told troops that "…," Ri said' → Ri. It starts at a quote mark, so needs one.
  const afterQuote = outside.includes('\uE000') ? speakerAfterQuote(outside) : null;
  if (afterQuote !== null) speaker = speakerKey(afterQuote, context);
  for (const match of speaker === null ? allMatches(SPEECH_VERB, outside) : []) {
    // A speaker is named in the words right before the verb: a bounded look-back keeps a sentence of many
    // speech verbs ('"…," he said' × N) linear instead of reading all that comes before each one again.
    const before = outside.slice(Math.max(0, match.index - SPEAKER_LOOK_BACK), match.index);
    const phrase = phraseBefore(before.replace(/["“”\uE000]/g, '\uE000'));
    speaker = speakerKey(phrase, context);
    if (speaker === null) {
      // Inversion: '"…," said Lee.'
      const after = outside.slice(match.index + match[0].length).match(/^\s+(\p{Lu}[^,.;:\uE000]{0,60})/u);
      if (after?.[1] !== undefined) speaker = speakerKey(after[1], context);
    }
    if (speaker !== null) break;
  }
  if (speaker !== null && !PRONOUNS.has(foldForMatch(speaker.text))) context.lastSpeaker = speaker;
  return { quotes, speaker };
}
