// A small hand-made comparison in the contract's shape, from sentences of the two seed articles, for tests
// that must not depend on the engine's current judgement.

import type { Comparison, Sentence } from '../../src/types.js';

function sentences(texts: string[]): Sentence[] {
  let offset = 0;
  return texts.map((text, index) => {
    const s: Sentence = { index, text, paragraph: index, role: 'body', start: offset, end: offset + text.length };
    offset += text.length + 2;
    return s;
  });
}

export const LEFT_TEXTS = [
  'Ri told the daily that he was now “80 per cent” decided.',
  'South Korean and Western intelligence agencies have said that more than 10,000 soldiers from the reclusive state were sent to Russia in 2024.',
  'Neither Moscow nor Pyongyang have confirmed the deployment.',
];

export const RIGHT_TEXTS = [
  'One of the two North Korean soldiers captured by Ukraine has expressed his wish to go to South Korea, a news report said Wednesday.',
  '“I have made up my mind 80 percent,” Ri said.',
  'North Korea sent around 11,000 troops to support Russia in its war against Ukraine.',
];

export function fixtureComparison(): Comparison {
  return {
    schemaVersion: 1,
    left: {
      id: 'nk-pow-asylum/straits-times-afp',
      outlet: 'The Straits Times',
      agency: 'AFP',
      title: 'Seoul says it supports North Korean POWs’ right to asylum in South',
      dateline: 'SEOUL',
      published: '2025-02-19',
      version: 1,
      sentences: sentences(LEFT_TEXTS),
      removed: [
        { text: 'PHOTO: AFP', rule: 'photo-credit' },
        { text: 'Follow topic:', rule: 'follow-topic' },
      ],
    },
    right: {
      id: 'nk-pow-asylum/yonhap-koreadaily',
      outlet: 'Yonhap (via a Los Angeles Korean-community news site)',
      agency: 'Yonhap',
      title: 'North Korean soldier captured by Ukraine expresses desire to defect to South Korea',
      dateline: null,
      published: '2025-02-21',
      version: 1,
      sentences: sentences(RIGHT_TEXTS),
      removed: [],
    },
    alignments: [
      {
        left: [0],
        right: [1],
        relation: 'agree',
        similarity: 0.41,
        moved: false,
        reasons: [{ code: 'equivalent-wording', detail: '80 per cent = 80 percent' }],
        diff: [
          { op: 'left', text: 'Ri told the daily that he was now “' },
          { op: 'right', text: '“I have made up my mind ' },
          { op: 'equivalent', left: '80 per cent', right: '80 percent' },
          { op: 'left', text: '” decided.' },
          { op: 'right', text: ',” Ri said.' },
        ],
      },
      {
        left: [1],
        right: [2],
        relation: 'differ',
        similarity: 0.38,
        moved: true,
        reasons: [
          {
            code: 'number-differs',
            detail: 'more than 10,000 soldiers / around 11,000 troops',
            left: 'more than 10,000 soldiers',
            right: 'around 11,000 troops',
          },
        ],
        diff: [
          {
            op: 'left',
            text: 'South Korean and Western intelligence agencies have said that more than 10,000 soldiers from the reclusive state were sent to',
          },
          { op: 'right', text: 'North Korea sent around 11,000 troops to support' },
          { op: 'equal', text: ' Russia ' },
          { op: 'left', text: 'in 2024.' },
          { op: 'right', text: 'in its war against Ukraine.' },
        ],
      },
    ],
    leftOnly: [2],
    rightOnly: [0],
    facts: [
      {
        kind: 'number',
        key: 'troops:11000',
        label: 'troop count',
        status: 'differ',
        left: [{ sentence: 1, text: 'more than 10,000 soldiers', value: '10000' }],
        right: [{ sentence: 2, text: 'around 11,000 troops', value: '11000' }],
      },
      {
        kind: 'quote',
        key: 'quote:ri:80',
        label: 'quote (Ri)',
        status: 'agree',
        left: [{ sentence: 0, text: '80 per cent', value: 'Ri' }],
        right: [{ sentence: 1, text: 'I have made up my mind 80 percent,', value: 'Ri' }],
      },
      {
        kind: 'entity',
        key: 'entity:moscow',
        label: 'Russia',
        status: 'left-only',
        left: [{ sentence: 2, text: 'Moscow' }],
        right: [],
      },
    ],
    summary: { agree: 1, differ: 1, leftOnly: 1, rightOnly: 1, overlap: 0.67 },
  };
}
