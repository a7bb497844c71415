// describeVersionChange turns a comparison of two versions into NewsDiffs-style rows. The comparisons here
// are written by hand, so these tests pin the row logic independently of the engine's matching.

import { describe, expect, it } from 'vitest';
import type { Article, Comparison, Sentence } from '../../src/types.js';
import { describeVersionChange, summarizeChange, type VersionChange } from '../../src/web/editor-version-diff.js';

function article(texts: string[], roles: Sentence['role'][] = []): Article {
  let offset = 0;
  const sentences = texts.map((text, index) => {
    const sentence: Sentence = {
      index,
      text,
      paragraph: index,
      role: roles[index] ?? 'body',
      start: offset,
      end: offset + text.length,
    };
    offset += text.length + 1;
    return sentence;
  });
  return {
    id: 'x',
    outlet: 'Outlet',
    agency: null,
    title: 'Title',
    dateline: null,
    published: null,
    version: 1,
    language: 'en',
    text: texts.join(' '),
    sentences,
    removed: [],
  };
}

function comparison(partial: Partial<Comparison>): Comparison {
  const empty = {
    id: 'x',
    outlet: null,
    agency: null,
    title: '',
    dateline: null,
    published: null,
    version: 1,
    sentences: [],
    removed: [],
  };
  return {
    schemaVersion: 1,
    left: empty,
    right: empty,
    alignments: [],
    leftOnly: [],
    rightOnly: [],
    facts: [],
    summary: { agree: 0, differ: 0, leftOnly: 0, rightOnly: 0, overlap: 0 },
    ...partial,
  };
}

/** One line per row, so an expectation reads like the page: "~ Seoul said [-10,000-]{+11,000+} troops." */
function render(change: VersionChange): string[] {
  return change.rows.map((row) => {
    switch (row.kind) {
      case 'unchanged':
        return `  ${row.text}${row.moved ? ' (moved)' : ''}`;
      case 'added':
        return `+ ${row.text}`;
      case 'removed':
        return `- ${row.text}`;
      default:
        return `~ ${row.runs.map((r) => (r.op === 'equal' ? r.text : r.op === 'removed' ? `[-${r.text}-]` : `{+${r.text}+}`)).join('')}`;
    }
  });
}

describe('describeVersionChange', () => {
  const prev = article([
    'Seoul said it would accept the soldier.',
    'Some 10,000 troops were sent.',
    'The ministry declined to comment.',
    'Officials met on Wednesday.',
  ]);
  const next = article([
    'Seoul said it would accept the soldier.',
    'Some 11,000 troops were sent.',
    'Officials met on Wednesday.',
    'Ukraine has not responded.',
  ]);
  const cmp = comparison({
    alignments: [
      {
        left: [0],
        right: [0],
        relation: 'agree',
        similarity: 1,
        moved: false,
        reasons: [],
        diff: [{ op: 'equal', text: 'Seoul said it would accept the soldier.' }],
      },
      {
        left: [1],
        right: [1],
        relation: 'differ',
        similarity: 0.8,
        moved: false,
        reasons: [],
        diff: [
          { op: 'equal', text: 'Some ' },
          { op: 'left', text: '10,000' },
          { op: 'right', text: '11,000' },
          { op: 'equal', text: ' troops were sent.' },
        ],
      },
      {
        left: [3],
        right: [2],
        relation: 'agree',
        similarity: 1,
        moved: false,
        reasons: [],
        diff: [{ op: 'equal', text: 'Officials met on Wednesday.' }],
      },
    ],
    leftOnly: [2],
    rightOnly: [3],
  });

  it('lists unchanged, reworded, removed (in its old place) and added sentences in the new order', () => {
    const change = describeVersionChange(prev, next, cmp);
    expect(render(change)).toEqual([
      '  Seoul said it would accept the soldier.',
      '~ Some [-10,000-]{+11,000+} troops were sent.',
      '- The ministry declined to comment.',
      '  Officials met on Wednesday.',
      '+ Ukraine has not responded.',
    ]);
    expect(summarizeChange(change)).toBe('1 added, 1 removed, 1 reworded');
    expect(change.unchanged).toBe(2);
  });

  it('puts a removed last sentence at the end and a removed first sentence first', () => {
    const shorter = article(['Seoul said it would accept the soldier.']);
    const change = describeVersionChange(
      article(['Seoul said it would accept the soldier.', 'Ukraine has not responded.']),
      shorter,
      comparison({
        alignments: [{ left: [0], right: [0], relation: 'agree', similarity: 1, moved: false, reasons: [], diff: [] }],
        leftOnly: [1],
      }),
    );
    expect(render(change)).toEqual(['  Seoul said it would accept the soldier.', '- Ukraine has not responded.']);
    const first = describeVersionChange(
      article(['Ukraine has not responded.', 'Seoul said it would accept the soldier.']),
      shorter,
      comparison({
        alignments: [{ left: [1], right: [0], relation: 'agree', similarity: 1, moved: false, reasons: [], diff: [] }],
        leftOnly: [0],
      }),
    );
    expect(render(first)).toEqual(['- Ukraine has not responded.', '  Seoul said it would accept the soldier.']);
  });

  it('counts an equivalence ("per cent" → "percent") as a rewording between versions', () => {
    const a = article(['About 80 per cent agreed.']);
    const b = article(['About 80 percent agreed.']);
    const change = describeVersionChange(
      a,
      b,
      comparison({
        alignments: [
          {
            left: [0],
            right: [0],
            relation: 'agree',
            similarity: 0.95,
            moved: false,
            reasons: [{ code: 'equivalent-wording', detail: '80 per cent = 80 percent' }],
            diff: [
              { op: 'equal', text: 'About 80 ' },
              { op: 'equivalent', left: 'per cent', right: 'percent' },
              { op: 'equal', text: ' agreed.' },
            ],
          },
        ],
      }),
    );
    expect(render(change)).toEqual(['~ About 80 [-per cent-]{+percent+} agreed.']);
  });

  it('matches captions outside the comparison by identical text', () => {
    const a = article(['PHOTO CAPTION one.', 'Body sentence.'], ['caption', 'body']);
    const b = article(['PHOTO CAPTION two.', 'Body sentence.'], ['caption', 'body']);
    const change = describeVersionChange(
      a,
      b,
      comparison({
        alignments: [{ left: [1], right: [1], relation: 'agree', similarity: 1, moved: false, reasons: [], diff: [] }],
      }),
    );
    expect(render(change)).toEqual(['- PHOTO CAPTION one.', '+ PHOTO CAPTION two.', '  Body sentence.']);
  });

  it('shows a sentence split in two as one reworded row', () => {
    const a = article(['Seoul agreed, and Kyiv was silent.']);
    const b = article(['Seoul agreed.', 'Kyiv was silent.']);
    const change = describeVersionChange(
      a,
      b,
      comparison({
        alignments: [
          {
            left: [0],
            right: [0, 1],
            relation: 'agree',
            similarity: 0.9,
            moved: false,
            reasons: [],
            diff: [
              { op: 'equal', text: 'Seoul agreed' },
              { op: 'left', text: ', and Kyiv' },
              { op: 'right', text: '. Kyiv' },
              { op: 'equal', text: ' was silent.' },
            ],
          },
        ],
      }),
    );
    expect(render(change)).toEqual(['~ Seoul agreed[-, and Kyiv-]{+. Kyiv+} was silent.']);
  });
});
