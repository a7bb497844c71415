// The facts table: every figure, date, quote and named entity, the sentences that carry it on each
// side, and whether the outlets agree on it, differ, or only one reports it.
import type { Fact, FactKind, FactMention, FactStatus } from '../types.js';
import { isQuotePhrase, quoteCovered, quoteWords } from './classify.js';
import type { DateMention } from './dates.js';
import type { SentenceFeatures } from './features.js';
import { sameName } from './nlp.js';
import { describeNumber, hasNounClass, isCountNoun, type NumberMention, numbersAgree } from './numbers.js';
import { slugify } from './text.js';

export interface FactOptions {
  numberConflictRatio: number;
  nameMatch: number;
  quoteCoverage: number;
  exhaustiveQuotePairs: number;
  maxQuotePostings: number;
}

/** A conflict the pair classification found inside one matched pair, to be shown in the table too. */
export interface PairedConflict {
  kind: 'number' | 'date' | 'quote';
  leftSentence: number;
  rightSentence: number;
  leftValue: string;
  rightValue: string;
}

interface Located<T> {
  sentence: number;
  item: T;
}

const STATUS_ORDER: Record<FactStatus, number> = { differ: 0, agree: 1, 'left-only': 2, 'right-only': 3 };
const KIND_ORDER: Record<FactKind, number> = { number: 0, date: 1, quote: 2, entity: 3 };

function located<T>(
  features: ReadonlyArray<SentenceFeatures>,
  pick: (s: SentenceFeatures) => ReadonlyArray<T>,
): Located<T>[] {
  const found: Located<T>[] = [];
  for (const sentence of features) for (const item of pick(sentence)) found.push({ sentence: sentence.index, item });
  return found;
}

function statusOf(left: unknown[], right: unknown[]): FactStatus {
  return left.length > 0 ? (right.length > 0 ? 'agree' : 'left-only') : 'right-only';
}

function numberLabel(noun: string, example: string): string {
  if (noun === 'percent') return 'percentage';
  if (noun === '') return 'figure';
  // A noun class of the table reads the same on both sides ("troop count" for soldiers and troops).
  if (isCountNoun(noun) && hasNounClass(noun)) return `${noun} count`;
  const lastWord = example.split(/\s+/).pop() ?? noun;
  return isCountNoun(noun) ? `number of ${lastWord}` : `amount in ${noun}`;
}

/**
 * The mentions of figures in the facts table. A figure shows in its value's fact, as a label, and perhaps in
 * a conflict: its phrase ("some 11,000 troops") is worked out once.
 */
class FigureMentions {
  private readonly phrases = new Map<Located<NumberMention>, string>();
  private readonly texts: Record<'left' | 'right', Map<number, string>>;

  constructor(left: ReadonlyArray<SentenceFeatures>, right: ReadonlyArray<SentenceFeatures>) {
    this.texts = {
      left: new Map(left.map((s) => [s.index, s.text])),
      right: new Map(right.map((s) => [s.index, s.text])),
    };
  }

  of(side: 'left' | 'right', m: Located<NumberMention>): FactMention {
    let text = this.phrases.get(m);
    if (text === undefined) {
      text = describeNumber(this.texts[side].get(m.sentence) ?? '', m.item);
      this.phrases.set(m, text);
    }
    return { sentence: m.sentence, text, value: String(m.item.value) };
  }
}

function numberFacts(
  left: ReadonlyArray<SentenceFeatures>,
  right: ReadonlyArray<SentenceFeatures>,
  paired: ReadonlyArray<PairedConflict>,
  options: FactOptions,
): Fact[] {
  const facts: Fact[] = [];
  const l = located(left, (s) => s.numbers);
  const r = located(right, (s) => s.numbers);
  const mentions = new FigureMentions(left, right);
  const nouns = [...new Set([...l, ...r].map((m) => m.item.noun))].sort();
  const leftByNoun = groupBy(l, (m) => m.item.noun);
  const rightByNoun = groupBy(r, (m) => m.item.noun);
  for (const noun of nouns) {
    const ln = leftByNoun.get(noun) ?? [];
    const rn = rightByNoun.get(noun) ?? [];
    const leftByValue = groupBy(ln, (m) => String(m.item.value));
    const rightByValue = groupBy(rn, (m) => String(m.item.value));
    const values = [...new Set([...ln, ...rn].map((m) => m.item.value))].sort((a, b) => a - b);
    const nounFacts: Fact[] = [];
    const lonelyLeft = new Map<number, Fact>();
    const lonelyRight = new Map<number, Fact>();
    for (const value of values) {
      const lv = leftByValue.get(String(value)) ?? [];
      const rv = rightByValue.get(String(value)) ?? [];
      let status = statusOf(lv, rv);
      if (status === 'agree' && !lv.some((a) => rv.some((b) => numbersAgree(a.item, b.item)))) status = 'differ';
      const first = lv[0] ?? rv[0];
      if (first === undefined) continue;
      const fact: Fact = {
        kind: 'number',
        key: `${noun === '' ? 'number' : noun}:${value}`,
        label: numberLabel(noun, mentions.of(lv[0] !== undefined ? 'left' : 'right', first).text),
        status,
        left: lv.map((m) => mentions.of('left', m)),
        right: rv.map((m) => mentions.of('right', m)),
      };
      nounFacts.push(fact);
      if (status === 'left-only') lonelyLeft.set(value, fact);
      if (status === 'right-only') lonelyRight.set(value, fact);
    }
    if (noun !== '') {
      // A figure one side gives and the other gives differently: the closest figure for the same noun on
      // the other side within the ratio, or the one it stood against in a matched sentence pair.
      const conflicts = new Set<string>();
      const rightValues = [...new Set(rn.map((m) => m.item.value))];
      const leftValues = [...new Set(ln.map((m) => m.item.value))];
      // Across sentences only counted things: two sums of money or two percentages in one story are
      // usually different figures ("20.1 trillion won" profit, "16.4 trillion won" chip profit).
      for (const value of isCountNoun(noun) ? lonelyLeft.keys() : []) {
        const partner = closestFigure(value, rightValues, options.numberConflictRatio);
        if (partner !== undefined) conflicts.add(`${value}|${partner}`);
      }
      for (const value of isCountNoun(noun) ? lonelyRight.keys() : []) {
        const partner = closestFigure(value, leftValues, options.numberConflictRatio);
        if (partner !== undefined) conflicts.add(`${partner}|${value}`);
      }
      for (const conflict of paired) {
        const [leftNoun, leftValue] = conflict.leftValue.split('|');
        const [, rightValue] = conflict.rightValue.split('|');
        if (conflict.kind === 'number' && leftNoun === noun) conflicts.add(`${leftValue}|${rightValue}`);
      }
      for (const key of [...conflicts].sort()) {
        const [leftValue = 0, rightValue = 0] = key.split('|').map(Number);
        const lv = leftByValue.get(String(leftValue)) ?? [];
        const rv = rightByValue.get(String(rightValue)) ?? [];
        const first = lv[0];
        if (first === undefined || rv.length === 0) continue;
        // Shown against its counterpart, a lone figure is no longer "only one side reports it".
        const dropped = [lonelyLeft.get(leftValue), lonelyRight.get(rightValue)];
        for (const fact of dropped) {
          const at = fact === undefined ? -1 : nounFacts.indexOf(fact);
          if (at >= 0) nounFacts.splice(at, 1);
        }
        lonelyLeft.delete(leftValue);
        lonelyRight.delete(rightValue);
        nounFacts.push({
          kind: 'number',
          key: `${noun}:${leftValue}|${rightValue}`,
          label: numberLabel(noun, mentions.of('left', first).text),
          status: 'differ',
          left: lv.map((m) => mentions.of('left', m)),
          right: rv.map((m) => mentions.of('right', m)),
        });
      }
    }
    facts.push(...nounFacts);
  }
  return facts;
}

/** The figure among `candidates` closest to `value` by ratio, if within `maxRatio`. */
function closestFigure(value: number, candidates: number[], maxRatio: number): number | undefined {
  let best: number | undefined;
  let bestRatio = Number.POSITIVE_INFINITY;
  for (const candidate of [...candidates].sort((a, b) => a - b)) {
    if (candidate === value || candidate <= 0 || value <= 0) continue;
    const ratio = Math.max(value, candidate) / Math.min(value, candidate);
    if (ratio <= maxRatio && ratio < bestRatio) {
      best = candidate;
      bestRatio = ratio;
    }
  }
  return best;
}

function dateMention(m: Located<DateMention>): FactMention {
  return { sentence: m.sentence, text: m.item.text, value: m.item.value };
}

function dateFacts(
  left: ReadonlyArray<SentenceFeatures>,
  right: ReadonlyArray<SentenceFeatures>,
  paired: ReadonlyArray<PairedConflict>,
): Fact[] {
  const l = located(left, (s) => s.dates);
  const r = located(right, (s) => s.dates);
  const leftByValue = groupBy(l, (m) => m.item.value);
  const rightByValue = groupBy(r, (m) => m.item.value);
  const values = [...new Set([...leftByValue.keys(), ...rightByValue.keys()])].sort();
  const facts: Fact[] = values.map((value) => {
    const lv = leftByValue.get(value) ?? [];
    const rv = rightByValue.get(value) ?? [];
    return {
      kind: 'date',
      key: `date:${value}`,
      label: value,
      status: statusOf(lv, rv),
      left: lv.map(dateMention),
      right: rv.map(dateMention),
    };
  });
  for (const conflict of paired) {
    if (conflict.kind !== 'date') continue;
    const lv = l.filter((m) => m.sentence === conflict.leftSentence && m.item.value === conflict.leftValue);
    const rv = r.filter((m) => m.sentence === conflict.rightSentence && m.item.value === conflict.rightValue);
    facts.push({
      kind: 'date',
      key: `date:${conflict.leftValue}|${conflict.rightValue}`,
      label: `date: ${conflict.leftValue} / ${conflict.rightValue}`,
      status: 'differ',
      left: lv.map(dateMention),
      right: rv.map(dateMention),
    });
  }
  return facts;
}

interface QuoteItem {
  text: string;
  words: string[];
  wordSet: Set<string>;
  speaker: string | null;
}

/** The quotes of a sentence worth a fact: phrases, not a quoted word or two. */
function quoteItems(s: SentenceFeatures): QuoteItem[] {
  const items: QuoteItem[] = [];
  for (const quote of s.quotes) {
    if (!isQuotePhrase(quote.text)) continue;
    const words = quoteWords(quote.text);
    items.push({ text: quote.text, words, wordSet: new Set(words), speaker: s.speaker?.text ?? null });
  }
  return items;
}

function quoteMention(m: Located<QuoteItem>): FactMention {
  return m.item.speaker === null
    ? { sentence: m.sentence, text: m.item.text }
    : { sentence: m.sentence, text: m.item.text, value: m.item.speaker };
}

/** Positions of the right quotes that share a word with `a`, words quoted too often left aside; ascending. */
function quoteCandidates(
  a: Located<QuoteItem>,
  postings: ReadonlyMap<string, number[]>,
  maxPostings: number,
): number[] {
  const found = new Set<number>();
  for (const word of a.item.wordSet) {
    const list = postings.get(word);
    if (list !== undefined && list.length <= maxPostings) for (const position of list) found.add(position);
  }
  return [...found].sort((x, y) => x - y);
}

/**
 * The slug of the quote's first eight words. The text is cut where its eighth run of white space starts (a run
 * at the very start counts, as the empty word split(/\s+/) gives there) rather than split and joined again:
 * slugify turns any white space into one hyphen, so "we  will\tgo" and "we will go" give the same slug.
 */
function quoteKey(item: QuoteItem): string {
  const text = item.text;
  let cut = text.length;
  let runs = 0;
  for (let at = 0; at < text.length; at++) {
    if (!isSpaceAt(text, at)) continue;
    if (++runs === 8) {
      cut = at;
      break;
    }
    while (at + 1 < text.length && isSpaceAt(text, at + 1)) at++;
  }
  return `quote:${slugify(text.slice(0, cut))}`;
}

function quoteFacts(
  left: ReadonlyArray<SentenceFeatures>,
  right: ReadonlyArray<SentenceFeatures>,
  paired: ReadonlyArray<PairedConflict>,
  options: FactOptions,
): Fact[] {
  const l = located(left, quoteItems);
  const r = located(right, quoteItems);
  const postings = new Map<string, number[]>();
  r.forEach((b, position) => {
    for (const word of b.item.wordSet) {
      const list = postings.get(word);
      if (list === undefined) postings.set(word, [position]);
      else list.push(position);
    }
  });
  const exhaustive = l.length * r.length <= options.exhaustiveQuotePairs;
  // Left sentence → right sentences whose quotes conflict with it: looked up per left quote, not built as a
  // string key for every left × right quote pair (a million keys at 1,000 sentences a side).
  const quoteConflicts = new Map<number, Set<number>>();
  for (const conflict of paired) {
    if (conflict.kind !== 'quote') continue;
    const rights = quoteConflicts.get(conflict.leftSentence);
    if (rights === undefined) quoteConflicts.set(conflict.leftSentence, new Set([conflict.rightSentence]));
    else rights.add(conflict.rightSentence);
  }
  const usedRight = new Set<number>();
  const facts: Fact[] = [];
  for (const a of l) {
    // The same words quoted by both, one quote possibly a part of the other: "80 per cent" in "… mind 80 percent …".
    const same = (
      exhaustive ? r.map((_, position) => position) : quoteCandidates(a, postings, options.maxQuotePostings)
    ).filter((position) => {
      const b = r[position] as Located<QuoteItem>;
      return (
        quoteCovered(a.item.words, b.item.wordSet, options.quoteCoverage) ||
        quoteCovered(b.item.words, a.item.wordSet, options.quoteCoverage)
      );
    });
    const conflicting = quoteConflicts.get(a.sentence);
    const differing =
      same.length > 0 || conflicting === undefined
        ? []
        : r.flatMap((b, position) => (conflicting.has(b.sentence) ? [position] : []));
    for (const position of [...same, ...differing]) usedRight.add(position);
    const status: FactStatus = same.length > 0 ? 'agree' : differing.length > 0 ? 'differ' : 'left-only';
    facts.push({
      kind: 'quote',
      key: quoteKey(a.item),
      label: a.item.speaker === null ? 'quote' : `quote (${a.item.speaker})`,
      status,
      left: [quoteMention(a)],
      right: [...same, ...differing].map((position) => quoteMention(r[position] as Located<QuoteItem>)),
    });
  }
  r.forEach((b, position) => {
    if (usedRight.has(position)) return;
    facts.push({
      kind: 'quote',
      key: quoteKey(b.item),
      label: b.item.speaker === null ? 'quote' : `quote (${b.item.speaker})`,
      status: 'right-only',
      left: [],
      right: [quoteMention(b)],
    });
  });
  return facts;
}

/** Whether text[at] is white space, as /\s/ says: ASCII answered without the expression. */
function isSpaceAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return /\s/.test(text.charAt(at));
}

/** Items grouped by a key, in first-seen order. */
function groupBy<T>(items: ReadonlyArray<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

function entityFacts(
  left: ReadonlyArray<SentenceFeatures>,
  right: ReadonlyArray<SentenceFeatures>,
  options: FactOptions,
): Fact[] {
  const l = located(left, (s) => s.entities);
  const r = located(right, (s) => s.entities);
  const labels = new Map<string, string>();
  for (const side of [l, r]) for (const m of side) if (!labels.has(m.item.key)) labels.set(m.item.key, m.item.label);
  const leftKeys = new Set(l.map((m) => m.item.key));
  const rightKeys = new Set(r.map((m) => m.item.key));
  // Spellings of one name across outlets: "Jeon Ha-gyu" / "Jeon Ha-kyu" are one person.
  const sameAs = new Map<string, string>();
  const lonelyLeftNames = [...leftKeys].filter((key) => !rightKeys.has(key) && key.includes('-')).sort();
  // A name is looked up once however often it is mentioned: the answer depends on the name alone.
  const tried = new Set<string>();
  for (const m of r) {
    const key = m.item.key;
    if (leftKeys.has(key) || tried.has(key) || m.item.kind !== 'name') continue;
    tried.add(key);
    for (const other of lonelyLeftNames) {
      if (!key.includes('-')) break;
      if (sameName(other, key, options.nameMatch)) {
        sameAs.set(key, other);
        break;
      }
    }
  }
  const keys = [...new Set([...leftKeys, ...[...rightKeys].map((key) => sameAs.get(key) ?? key)])].sort();
  const leftGroups = groupBy(l, (m) => m.item.key);
  const rightGroups = groupBy(r, (m) => sameAs.get(m.item.key) ?? m.item.key);
  return keys.map((key) => {
    const lv = leftGroups.get(key) ?? [];
    const rv = rightGroups.get(key) ?? [];
    return {
      kind: 'entity',
      key: `entity:${key}`,
      label: labels.get(key) ?? key,
      status: statusOf(lv, rv),
      left: lv.map((m) => ({ sentence: m.sentence, text: m.item.text, value: key })),
      right: rv.map((m) => ({ sentence: m.sentence, text: m.item.text, value: key })),
    };
  });
}

export function buildFacts(
  left: ReadonlyArray<SentenceFeatures>,
  right: ReadonlyArray<SentenceFeatures>,
  paired: ReadonlyArray<PairedConflict>,
  options: FactOptions,
): Fact[] {
  const facts = [
    ...numberFacts(left, right, paired, options),
    ...dateFacts(left, right, paired),
    ...quoteFacts(left, right, paired, options),
    ...entityFacts(left, right, options),
  ];
  // Each fact's ranks and first sentence, found once rather than at every comparison of the sort.
  const sorted = facts.map((fact) => ({
    fact,
    kind: KIND_ORDER[fact.kind],
    status: STATUS_ORDER[fact.status],
    first: firstSentence(fact),
  }));
  sorted.sort(
    (a, b) =>
      a.kind - b.kind ||
      a.status - b.status ||
      a.first - b.first ||
      (a.fact.key < b.fact.key ? -1 : a.fact.key > b.fact.key ? 1 : 0),
  );
  return sorted.map((entry) => entry.fact);
}

/** The first sentence a fact is told in, either side; 1e9 for none. */
function firstSentence(fact: Fact): number {
  let first = 1e9;
  for (const m of fact.left) if (m.sentence < first) first = m.sentence;
  for (const m of fact.right) if (m.sentence < first) first = m.sentence;
  return first;
}
