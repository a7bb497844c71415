import path from 'node:path';
import ejs from 'ejs';
import { describe, expect, it } from 'vitest';
import { buildComparisonView, type SegmentView, sideSegments, splitBySentence } from '../../src/web/comparison-view.js';
import { formatDateLabel } from '../../src/web/facts-view.js';
import { buildSummaryLine, pickerOptions } from '../../src/web/story-list-view.js';
import { formatDate, removedSummary, shortOutlet } from '../../src/web/view-format.js';
import { fixtureComparison } from './fixture-comparison.js';

const VIEWS = path.resolve(import.meta.dirname, '../../views');

function seg(text: string, kind: SegmentView['kind'] = 'equal'): SegmentView {
  return { text, kind, marker: kind === 'only' ? 'only in X:' : null, note: null };
}

describe('formatting', () => {
  it('writes dates for people and keeps what it cannot read', () => {
    expect(formatDate('2025-02-19')).toBe('Wed 19 Feb 2025');
    expect(formatDate('2025-13-01')).toBe('2025-13-01');
    expect(formatDate(null)).toBeNull();
  });

  it('shortens an outlet only by its trailing parenthesis', () => {
    expect(shortOutlet('Yonhap (via a Los Angeles Korean-community news site)', 'Right')).toBe('Yonhap');
    expect(shortOutlet('The Straits Times', 'Left')).toBe('The Straits Times');
    expect(shortOutlet(null, 'Left')).toBe('Left');
  });

  it('writes date facts as dates', () => {
    expect(formatDateLabel('2025-01-11')).toBe('Sat 11 Jan 2025');
    expect(formatDateLabel('2025-01')).toBe('Jan 2025');
    expect(formatDateLabel('2025-02-10/2025-02-16')).toBe('10–16 Feb 2025');
    expect(formatDateLabel('2024-12-30/2025-01-05')).toBe('30 Dec 2024 – 5 Jan 2025');
    expect(formatDateLabel('2024')).toBe('2024');
  });

  it('counts removed lines in words', () => {
    expect(removedSummary(0)).toBe('No lines removed');
    expect(removedSummary(1)).toBe('1 line removed as page furniture');
    expect(removedSummary(12)).toBe('12 lines removed as page furniture');
  });
});

describe('splitBySentence', () => {
  it('cuts a diff over joined sentences back at the sentence boundaries', () => {
    const segments = [seg('Ri said '), seg('he was sure. Ri', 'only'), seg(' left.')];
    const split = splitBySentence(segments, ['Ri said he was sure.', 'Ri left.']);
    expect(split?.map((list) => list.map((s) => `${s.kind}:${s.text}`))).toEqual([
      ['equal:Ri said ', 'only:he was sure.'],
      ['only:Ri', 'equal: left.'],
    ]);
  });

  it('gives null when the diff does not spell the sentence out, so no wrong highlight is shown', () => {
    expect(splitBySentence([seg('Ri said nothing.')], ['Ri said he was sure.'])).toBeNull();
    expect(splitBySentence([seg('Ri said')], ['Ri said he was sure.'])).toBeNull();
  });
});

describe('buildComparisonView', () => {
  const view = buildComparisonView(fixtureComparison());

  it('summarises with short outlet names', () => {
    expect(view.summaryLine).toBe('1 agree · 1 differ · 1 only in The Straits Times · 1 only in Yonhap');
    expect(buildSummaryLine(fixtureComparison())).toBe(view.summaryLine);
  });

  it('orders rows by the left article and slots right-only sentences after their predecessor', () => {
    expect(view.rows.map((r) => `${r.status}:${r.left.map((s) => s.index)}|${r.right.map((s) => s.index)}`)).toEqual([
      'right-only:|0',
      'agree:0|1',
      'differ:1|2',
      'left-only:2|',
    ]);
  });

  it('labels every row with a word and an icon, and marks differences for keyboard navigation', () => {
    expect(view.rows.map((r) => [r.label, r.icon, r.isDifference])).toEqual([
      ['Only in Yonhap', '◨', true],
      ['Agree', '=', false],
      ['Differ', '≠', true],
      ['Only in The Straits Times', '◧', true],
    ]);
  });

  it('explains reasons in plain language with both outlets’ words, and explains placement', () => {
    const differ = view.rows[2];
    expect(differ?.reasons.map((r) => [r.text, r.topic])).toEqual([
      [
        'The numbers differ: The Straits Times says “more than 10,000 soldiers”, Yonhap says “around 11,000 troops”.',
        'numbers',
      ],
      ['Placed differently: sentence 2 of 3 in The Straits Times, sentence 3 of 3 in Yonhap.', 'placement'],
    ]);
    expect(view.rows[1]?.reasons[0]?.text).toBe('Same meaning, different words: 80 per cent = 80 percent.');
  });

  it('links both views to the same row ids', () => {
    const rowOfLeft = view.left.paragraphs.flat().map((s) => s.rowId);
    expect(rowOfLeft).toEqual(['row-2', 'row-3', 'row-4']);
    expect(view.right.paragraphs.flat().map((s) => s.status)).toEqual(['only', 'agree', 'differ']);
  });

  it('groups facts by kind with each outlet’s wording; quotes by speaker, in quotation marks', () => {
    expect(view.facts.map((g) => [g.heading, g.labelHeading])).toEqual([
      ['Numbers', 'What'],
      ['Quotes', 'Speaker'],
      ['People, places and organisations', 'Name'],
    ]);
    expect(view.facts[1]?.rows[0]).toMatchObject({
      label: 'Ri',
      left: '“80 per cent”',
      right: '“I have made up my mind 80 percent”',
    });
    expect(view.facts[2]?.rows[0]).toMatchObject({
      left: 'Moscow',
      right: null,
      statusLabel: 'Only in The Straits Times',
    });
  });

  it('tells two versions of one article apart by version number', () => {
    const c = fixtureComparison();
    c.right.outlet = c.left.outlet;
    c.right.version = 2;
    const v = buildComparisonView(c);
    expect(v.summaryLine).toBe(
      '1 agree · 1 differ · 1 only in The Straits Times (v1) · 1 only in The Straits Times (v2)',
    );
  });
});

describe('the sentence partial', () => {
  it('renders deleted, inserted and equivalent words with hidden words for screen readers', async () => {
    const c = fixtureComparison();
    const pair = c.alignments[0];
    if (!pair) throw new Error('fixture has a first pair');
    const [left] = splitBySentence(sideSegments(pair.diff, 'left', 'The Straits Times', 'Yonhap'), [
      c.left.sentences[0]?.text ?? '',
    ]) ?? [[]];
    const html = await ejs.renderFile(path.join(VIEWS, 'partials/sentence.ejs'), {
      s: { index: 0, role: 'body', status: 'agree', rowId: 'row-2', segments: left },
      side: 'left',
    });
    expect(html.trim()).toBe(
      '<span class="s s--agree" id="left-s0" data-row="row-2">' +
        '<del class="w w--only"><span class="visually-hidden">only in The Straits Times: </span>Ri told the daily that he was now “</del>' +
        '<span class="w w--equivalent">80 per cent<span class="visually-hidden"> (same meaning as “80 percent” in Yonhap)</span></span>' +
        '<del class="w w--only"><span class="visually-hidden">only in The Straits Times: </span>” decided.</del></span>',
    );
  });

  it('escapes article text', async () => {
    const html = await ejs.renderFile(path.join(VIEWS, 'partials/sentence.ejs'), {
      s: { index: 0, role: 'body', status: 'only', rowId: null, segments: [seg('<script>alert(1)</script>')] },
      side: 'right',
    });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });
});

describe('pickerOptions', () => {
  it('names each article briefly, latest version first, older versions pinned', () => {
    const version = (number: number) => ({
      id: number,
      articleId: 1,
      number,
      contentType: 'text/plain' as const,
      sha256: '',
      normalizedSha256: '',
      byteLength: 1,
      uploadedBy: 'corpus',
      createdAt: '',
      note: null,
    });
    const article = (slug: string, outlet: string, agency: string, published: string, versions: number) => ({
      id: 1,
      storyId: 1,
      storySlug: 's',
      slug,
      outlet,
      agency,
      url: null,
      published,
      language: 'en',
      sourceNote: null,
      createdAt: '',
      versions: Array.from({ length: versions }, (_, i) => version(i + 1)),
    });
    const story = {
      id: 1,
      slug: 's',
      title: 't',
      createdAt: '',
      articles: [
        article('straits-times-afp', 'The Straits Times', 'AFP', '2025-02-19', 2),
        article(
          'yonhap-koreadaily',
          'Yonhap (via a Los Angeles Korean-community news site)',
          'Yonhap',
          '2025-02-21',
          1,
        ),
      ],
    };
    expect(pickerOptions(story, 'straits-times-afp@1')).toEqual([
      {
        value: 'straits-times-afp',
        label: 'The Straits Times (AFP), Wed 19 Feb 2025, latest version (2)',
        selected: false,
      },
      {
        value: 'straits-times-afp@1',
        label: 'The Straits Times (AFP), Wed 19 Feb 2025, version 1 of 2',
        selected: true,
      },
      { value: 'yonhap-koreadaily', label: 'Yonhap, Fri 21 Feb 2025', selected: false },
    ]);
  });
});
