// Checks a gold file against the raw texts it names, before any scoring: its shape, the 8-word limit on anchors,
// and that every anchor is found (folded) in the raw file, once where it names a sentence. It never runs the ingest
// or the engine, so annotators can use it while they write the gold.

import { fold, occurrences } from './fold.js';
import { FURNITURE_ROLES, GOLD_REASONS, PAIR_KINDS } from './gold-types.js';

/** Anchors quote at most this many consecutive words of an article (the texts are not ours to copy). */
export const MAX_ANCHOR_WORDS = 8;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Json = unknown;

class Problems {
  readonly list: string[] = [];
  add(message: string): void {
    this.list.push(message);
  }
}

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: Json): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function wordCount(anchor: string): number {
  return anchor.trim().split(/\s+/).filter(Boolean).length;
}

/**
 * Checks one anchor: its length, and how often it occurs in the raw text (`unique`: exactly once). A furniture
 * line may be a single short word ("SEOUL", "Metro"); other anchors must be distinctive.
 */
function checkAnchor(
  problems: Problems,
  where: string,
  anchor: Json,
  raw: string,
  unique: boolean,
  short = false,
): void {
  if (typeof anchor !== 'string' || anchor.trim() === '') {
    problems.add(`${where}: an anchor must be a non-empty string`);
    return;
  }
  const words = wordCount(anchor);
  if (words > MAX_ANCHOR_WORDS) problems.add(`${where}: "${anchor}" has ${words} words (at most ${MAX_ANCHOR_WORDS})`);
  if (!short && words < 2 && anchor.trim().length < 6)
    problems.add(`${where}: "${anchor}" is too short to be distinctive`);
  const count = occurrences(fold(raw), fold(anchor)).length;
  if (count === 0) problems.add(`${where}: "${anchor}" is not in the raw file`);
  else if (unique && count > 1) problems.add(`${where}: "${anchor}" occurs ${count} times in the raw file`);
}

/** Problems with a pair's gold, given the two raw files; an empty list means the file is usable. */
export function checkPairGold(value: Json, rawLeft: string, rawRight: string): string[] {
  const problems = new Problems();
  if (!isRecord(value)) return ['the gold file is not a JSON object'];
  for (const key of ['story', 'annotated', 'kind']) {
    if (typeof value[key] !== 'string') problems.add(`"${key}" must be a string`);
  }
  if (typeof value.annotated === 'string' && !ISO_DATE.test(value.annotated)) problems.add('"annotated" is YYYY-MM-DD');
  if (!PAIR_KINDS.includes(value.kind as (typeof PAIR_KINDS)[number])) {
    problems.add(`"kind" must be one of ${PAIR_KINDS.join(', ')}`);
  }
  for (const side of ['left', 'right'] as const) {
    const entry = value[side];
    if (!isRecord(entry) || typeof entry.file !== 'string' || typeof entry.outlet !== 'string') {
      problems.add(`"${side}" must be { file, outlet, published }`);
    } else if (entry.published !== null && !(typeof entry.published === 'string' && ISO_DATE.test(entry.published))) {
      problems.add(`"${side}.published" is YYYY-MM-DD or null`);
    }
  }
  const raws = { left: rawLeft, right: rawRight };
  const seen = { left: new Map<string, string>(), right: new Map<string, string>() };
  const claim = (side: 'left' | 'right', anchor: string, where: string): void => {
    const key = fold(anchor);
    const before = seen[side].get(key);
    if (before !== undefined) problems.add(`${where}: "${anchor}" is already annotated in ${before}`);
    else seen[side].set(key, where);
  };
  const links = value.links;
  if (!Array.isArray(links)) problems.add('"links" must be an array');
  else {
    links.forEach((link: Json, i: number) => {
      const where = `links[${i}]`;
      if (!isRecord(link)) {
        problems.add(`${where} must be an object`);
        return;
      }
      if (link.relation !== 'agree' && link.relation !== 'differ') problems.add(`${where}.relation: agree or differ`);
      if (typeof link.why !== 'string' || link.why.trim() === '') problems.add(`${where}.why: say why`);
      if (link.acceptable !== undefined && typeof link.acceptable !== 'boolean') {
        problems.add(`${where}.acceptable is true or absent`);
      }
      if (link.relation === 'differ') {
        if (!isStringArray(link.reasons) || link.reasons.length === 0)
          problems.add(`${where}: a differ link has reasons`);
        else {
          for (const reason of link.reasons) {
            if (!GOLD_REASONS.includes(reason as (typeof GOLD_REASONS)[number])) {
              problems.add(`${where}: unknown reason ${reason}`);
            }
          }
        }
      }
      for (const side of ['left', 'right'] as const) {
        const anchors = link[side];
        if (!isStringArray(anchors) || anchors.length === 0) {
          problems.add(`${where}.${side} must be a non-empty array of anchors`);
          continue;
        }
        for (const anchor of anchors) {
          checkAnchor(problems, `${where}.${side}`, anchor, raws[side], true);
          if (link.acceptable !== true) claim(side, anchor, where);
        }
      }
    });
  }
  for (const [key, side] of [
    ['leftOnly', 'left'],
    ['rightOnly', 'right'],
  ] as const) {
    const anchors = value[key];
    if (!isStringArray(anchors)) {
      problems.add(`"${key}" must be an array of anchors`);
      continue;
    }
    for (const anchor of anchors) {
      checkAnchor(problems, key, anchor, raws[side], true);
      claim(side, anchor, key);
    }
  }
  const facts = value.facts;
  if (!Array.isArray(facts)) problems.add('"facts" must be an array');
  else {
    facts.forEach((fact: Json, i: number) => {
      const where = `facts[${i}]`;
      if (!isRecord(fact)) {
        problems.add(`${where} must be an object`);
        return;
      }
      if (!['number', 'date', 'quote', 'entity'].includes(fact.kind as string)) {
        problems.add(`${where}.kind: number, date, quote or entity`);
      }
      if (fact.status !== 'agree' && fact.status !== 'differ') problems.add(`${where}.status: agree or differ`);
      if (typeof fact.what !== 'string') problems.add(`${where}.what must be a string`);
      for (const side of ['left', 'right'] as const) {
        const entry = fact[side];
        if (!isRecord(entry) || typeof entry.text !== 'string' || typeof entry.in !== 'string') {
          problems.add(`${where}.${side} must be { text, in }`);
          continue;
        }
        checkAnchor(problems, `${where}.${side}.in`, entry.in, raws[side], true);
        if (!seen[side].has(fold(entry.in)) && !anchoredInLinks(value, side, entry.in)) {
          problems.add(`${where}.${side}.in: "${entry.in}" is not one of the pair's sentence anchors`);
        }
      }
    });
  }
  if (!isStringArray(value.entities)) problems.add('"entities" must be an array of names');
  return problems.list;
}

/** Whether `anchor` is one of the anchors of a link on `side`, acceptable links included. */
function anchoredInLinks(value: Record<string, Json>, side: 'left' | 'right', anchor: string): boolean {
  const links = Array.isArray(value.links) ? value.links : [];
  return links.some(
    (link: Json) => isRecord(link) && isStringArray(link[side]) && link[side].some((a) => fold(a) === fold(anchor)),
  );
}

/** Problems with one file's ingest gold, given the raw file. */
export function checkIngestGold(value: Json, raw: string): string[] {
  const problems = new Problems();
  if (!isRecord(value)) return ['the gold file is not a JSON object'];
  for (const key of ['story', 'file', 'annotated']) {
    if (typeof value[key] !== 'string') problems.add(`"${key}" must be a string`);
  }
  if (value.title !== null) {
    if (!isRecord(value.title) || typeof value.title.first !== 'string' || typeof value.title.last !== 'string') {
      problems.add('"title" is { first, last } or null');
    } else {
      checkAnchor(problems, 'title.first', value.title.first, raw, false);
      checkAnchor(problems, 'title.last', value.title.last, raw, false);
    }
  }
  for (const key of ['agency', 'dateline']) {
    if (value[key] !== null && typeof value[key] !== 'string') problems.add(`"${key}" is a string or null`);
  }
  if (value.published !== null && !(typeof value.published === 'string' && ISO_DATE.test(value.published))) {
    problems.add('"published" is YYYY-MM-DD or null');
  }
  if (typeof value.complete !== 'boolean') problems.add('"complete" is true or false');
  const furniture = value.furniture;
  if (!Array.isArray(furniture)) problems.add('"furniture" must be an array');
  else {
    furniture.forEach((item: Json, i: number) => {
      if (!isRecord(item) || !FURNITURE_ROLES.includes(item.role as (typeof FURNITURE_ROLES)[number])) {
        problems.add(`furniture[${i}] is { anchor, role } with role one of ${FURNITURE_ROLES.join(', ')}`);
        return;
      }
      checkAnchor(problems, `furniture[${i}]`, item.anchor, raw, false, true);
    });
  }
  const folded = fold(raw);
  const paragraphs = value.paragraphs;
  if (!Array.isArray(paragraphs) || paragraphs.length === 0) problems.add('"paragraphs" must be a non-empty array');
  else {
    let after = -1;
    paragraphs.forEach((paragraph: Json, i: number) => {
      if (!isRecord(paragraph)) {
        problems.add(`paragraphs[${i}] is { first, last }`);
        return;
      }
      checkAnchor(problems, `paragraphs[${i}].first`, paragraph.first, raw, false);
      checkAnchor(problems, `paragraphs[${i}].last`, paragraph.last, raw, false);
      if (typeof paragraph.first === 'string') {
        const at = firstAfter(folded, fold(paragraph.first), after);
        if (at < 0) problems.add(`paragraphs[${i}].first: "${paragraph.first}" is not after the paragraph before`);
        else after = at;
      }
    });
  }
  if (value.sentences !== undefined) {
    if (!isStringArray(value.sentences)) problems.add('"sentences" is an array of anchors');
    else {
      let after = -1;
      value.sentences.forEach((anchor, i) => {
        checkAnchor(problems, `sentences[${i}]`, anchor, raw, false);
        const at = firstAfter(folded, fold(anchor), after);
        if (at < 0) problems.add(`sentences[${i}]: "${anchor}" is not after the sentence before`);
        else after = at;
      });
    }
  }
  return problems.list;
}

function firstAfter(haystack: string, needle: string, after: number): number {
  return needle.length === 0 ? -1 : haystack.indexOf(needle, after + 1);
}
