// A schema check of the comparison contract (schemaVersion 1, shared/design.md), written out by hand so
// that a failure names the field. Returns the problems found; an empty list means the body conforms.

const RELATIONS = new Set(['agree', 'differ']);
const REASONS = new Set([
  'number-differs',
  'date-differs',
  'speaker-differs',
  'quote-wording-differs',
  'negation-differs',
  'detail-only-left',
  'detail-only-right',
  'equivalent-wording',
]);
const FACT_KINDS = new Set(['number', 'date', 'quote', 'entity']);
const FACT_STATUSES = new Set(['agree', 'differ', 'left-only', 'right-only']);
const ROLES = new Set(['body', 'caption', 'standfirst']);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isIndexList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => Number.isInteger(v) && (v as number) >= 0);
}

export function contractProblems(body: unknown): string[] {
  const problems: string[] = [];
  const fail = (message: string): void => {
    problems.push(message);
  };
  if (!isObject(body)) return ['body is not an object'];
  if (body.schemaVersion !== 1) fail('schemaVersion is not 1');

  const bodyIndexes: Record<'left' | 'right', Set<number>> = { left: new Set(), right: new Set() };
  const allIndexes: Record<'left' | 'right', Set<number>> = { left: new Set(), right: new Set() };
  for (const side of ['left', 'right'] as const) {
    const s = body[side];
    if (!isObject(s)) {
      fail(`${side} is not an object`);
      continue;
    }
    if (typeof s.id !== 'string') fail(`${side}.id is not a string`);
    for (const field of ['outlet', 'agency', 'dateline', 'published'] as const) {
      if (s[field] !== null && typeof s[field] !== 'string') fail(`${side}.${field} is neither a string nor null`);
    }
    if (typeof s.title !== 'string') fail(`${side}.title is not a string`);
    if (!Number.isInteger(s.version)) fail(`${side}.version is not an integer`);
    if (!Array.isArray(s.sentences)) fail(`${side}.sentences is not an array`);
    else {
      s.sentences.forEach((sentence: unknown, i: number) => {
        if (!isObject(sentence)) {
          fail(`${side}.sentences[${i}] is not an object`);
          return;
        }
        if (sentence.index !== i) fail(`${side}.sentences[${i}].index is ${String(sentence.index)}`);
        if (typeof sentence.text !== 'string' || sentence.text === '') fail(`${side}.sentences[${i}].text is empty`);
        if (!Number.isInteger(sentence.paragraph)) fail(`${side}.sentences[${i}].paragraph is not an integer`);
        if (!ROLES.has(sentence.role as string)) fail(`${side}.sentences[${i}].role is ${String(sentence.role)}`);
        if (!Number.isInteger(sentence.start) || !Number.isInteger(sentence.end)) {
          fail(`${side}.sentences[${i}] has no integer start/end`);
        }
        allIndexes[side].add(i);
        if (sentence.role === 'body') bodyIndexes[side].add(i);
      });
    }
    if (!Array.isArray(s.removed)) fail(`${side}.removed is not an array`);
    else {
      for (const r of s.removed) {
        if (!isObject(r) || typeof r.text !== 'string' || typeof r.rule !== 'string')
          fail(`${side}.removed has a bad line`);
      }
    }
  }

  // Every body sentence of each side exactly once: in one alignment, or in leftOnly/rightOnly.
  const seen: Record<'left' | 'right', Map<number, number>> = { left: new Map(), right: new Map() };
  const count = (side: 'left' | 'right', i: number): void => {
    if (!allIndexes[side].has(i)) fail(`${side} index ${i} is not a sentence`);
    seen[side].set(i, (seen[side].get(i) ?? 0) + 1);
  };
  if (!Array.isArray(body.alignments)) fail('alignments is not an array');
  else {
    body.alignments.forEach((a: unknown, k: number) => {
      if (!isObject(a)) {
        fail(`alignments[${k}] is not an object`);
        return;
      }
      for (const side of ['left', 'right'] as const) {
        const list = a[side];
        if (!isIndexList(list) || list.length === 0) fail(`alignments[${k}].${side} is not a non-empty index list`);
        else {
          if (list.some((v, j) => j > 0 && v <= (list[j - 1] ?? -1))) fail(`alignments[${k}].${side} is not ascending`);
          for (const i of list) count(side, i);
        }
      }
      if (!RELATIONS.has(a.relation as string)) fail(`alignments[${k}].relation is ${String(a.relation)}`);
      if (typeof a.similarity !== 'number' || a.similarity < 0 || a.similarity > 1) {
        fail(`alignments[${k}].similarity is not in [0, 1]`);
      }
      if (typeof a.moved !== 'boolean') fail(`alignments[${k}].moved is not a boolean`);
      if (!Array.isArray(a.reasons)) fail(`alignments[${k}].reasons is not an array`);
      else {
        for (const r of a.reasons) {
          if (!isObject(r) || !REASONS.has(r.code as string) || typeof r.detail !== 'string') {
            fail(`alignments[${k}] has a bad reason ${JSON.stringify(r)}`);
          }
        }
      }
      if (!Array.isArray(a.diff)) fail(`alignments[${k}].diff is not an array`);
      else {
        for (const run of a.diff) {
          const ok =
            isObject(run) &&
            (((run.op === 'equal' || run.op === 'left' || run.op === 'right') && typeof run.text === 'string') ||
              (run.op === 'equivalent' && typeof run.left === 'string' && typeof run.right === 'string'));
          if (!ok) fail(`alignments[${k}] has a bad diff run ${JSON.stringify(run)}`);
        }
      }
    });
  }
  for (const [field, side] of [
    ['leftOnly', 'left'],
    ['rightOnly', 'right'],
  ] as const) {
    const list = body[field];
    if (!isIndexList(list)) fail(`${field} is not an index list`);
    else for (const i of list) count(side, i);
  }
  for (const side of ['left', 'right'] as const) {
    for (const i of bodyIndexes[side]) {
      const n = seen[side].get(i) ?? 0;
      if (n !== 1) fail(`${side} body sentence ${i} appears ${n} times`);
    }
    for (const [i, n] of seen[side]) if (n > 1) fail(`${side} sentence ${i} appears ${n} times`);
  }

  if (!Array.isArray(body.facts)) fail('facts is not an array');
  else {
    body.facts.forEach((f: unknown, k: number) => {
      if (!isObject(f)) {
        fail(`facts[${k}] is not an object`);
        return;
      }
      if (!FACT_KINDS.has(f.kind as string)) fail(`facts[${k}].kind is ${String(f.kind)}`);
      if (!FACT_STATUSES.has(f.status as string)) fail(`facts[${k}].status is ${String(f.status)}`);
      if (typeof f.key !== 'string' || typeof f.label !== 'string') fail(`facts[${k}] has no key or label`);
      for (const side of ['left', 'right'] as const) {
        const mentions = f[side];
        if (!Array.isArray(mentions)) fail(`facts[${k}].${side} is not an array`);
        else {
          for (const m of mentions) {
            if (!isObject(m) || !Number.isInteger(m.sentence) || typeof m.text !== 'string') {
              fail(`facts[${k}].${side} has a bad mention`);
            } else if (!allIndexes[side].has(m.sentence as number)) {
              fail(`facts[${k}].${side} points at missing sentence ${String(m.sentence)}`);
            }
          }
        }
      }
    });
  }

  const summary = body.summary;
  if (!isObject(summary)) fail('summary is not an object');
  else if (Array.isArray(body.alignments)) {
    const alignments = body.alignments as Json[];
    const expect = {
      agree: alignments.filter((a) => a.relation === 'agree').length,
      differ: alignments.filter((a) => a.relation === 'differ').length,
      leftOnly: Array.isArray(body.leftOnly) ? body.leftOnly.length : -1,
      rightOnly: Array.isArray(body.rightOnly) ? body.rightOnly.length : -1,
    };
    for (const [key, value] of Object.entries(expect)) {
      if (summary[key] !== value) fail(`summary.${key} is ${String(summary[key])}, counted ${value}`);
    }
    if (typeof summary.overlap !== 'number' || summary.overlap < 0 || summary.overlap > 1) {
      fail('summary.overlap is not in [0, 1]');
    }
  }
  return problems;
}
