import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/ingest/index.js';
import { agencyName, extractMetadata, findDateline, parseDate } from '../../src/ingest/metadata.js';
import { STRAITS_TIMES, YONHAP } from './helpers.js';

describe('findDateline', () => {
  it.each([
    ['SEOUL – Seoul affirmed on Feb 19 that…', 'SEOUL', null, 'Seoul affirmed on Feb 19 that…'],
    ['KYIV: Ukraine said on Saturday…', 'KYIV', null, 'Ukraine said on Saturday…'],
    ['SEOUL, Jan. 12 (Yonhap) -- One of the two…', 'SEOUL', 'Yonhap', 'One of the two…'],
    ['SEOUL, South Korea (AP) — North Korea fired…', 'SEOUL, South Korea', 'AP', 'North Korea fired…'],
    ['SEOUL, Jan 29 : Samsung Electronics said…', 'SEOUL', null, 'Samsung Electronics said…'],
    ['SEOUL, Jan 29 (Reuters) – Samsung said…', 'SEOUL', 'Reuters', 'Samsung said…'],
    ['SEOUL, Nov 2, 2025 (BSS/AFP) - Two prisoners…', 'SEOUL', 'AFP', 'Two prisoners…'],
    ['SEOUL, Nov 2 — Two prisoners…', 'SEOUL', null, 'Two prisoners…'],
    ['SEOUL, June 26. /TASS/. The missile…', 'SEOUL', 'TASS', 'The missile…'],
    ['PARIS–French police are investigating…', 'PARIS', null, 'French police are investigating…'],
    ['PARIS -- The museum was closed…', 'PARIS', null, 'The museum was closed…'],
    ['Seoul, South Korea - North Korea fired…', 'Seoul, South Korea', null, 'North Korea fired…'],
    ['New Delhi: A theft at the museum…', 'New Delhi', null, 'A theft at the museum…'],
    ['Jan. 11 (UPI) -- Ukraine has captured…', 'Jan. 11', 'UPI', 'Ukraine has captured…'],
    ['SEOUL, June 26 (AJU PRESS) - North Korea fired…', 'SEOUL', null, 'North Korea fired…'],
  ])('%s', (lead, place, agency, rest) => {
    expect(findDateline(lead)).toMatchObject({ place, agency, rest });
  });

  it.each([
    'US-South Korean drills went ahead on Monday.',
    'NATO – the alliance – met on Monday.',
    'Exclusive: The minister resigned.',
    'BREAKING – The minister resigned.',
    'Ri – visibly wounded – told Chosun that many had died.',
    'AFP – The agency said…',
    'Seoul affirmed on Feb 19 that troops had a right to citizenship.',
  ])('no dateline in: %s', (lead) => {
    expect(findDateline(lead)).toBeNull();
  });
});

describe('parseDate', () => {
  it.each([
    ['Friday, February 21, 2025', '2025-02-21'],
    ['21 Feb 2025', '2025-02-21'],
    ['Published : June 26, 2024 - 07:44', '2024-06-26'],
    ['2024-06-26 | 00:10', '2024-06-26'],
    ['By Jane Doe Posted : June 26, 2024, 14:19 Updated : June 26, 2024, 14:35', '2024-06-26'],
    ['June 25, 2024, 5:00 PM', '2024-06-25'],
    ['February 30, 2025', null],
    ['Updated 2 minutes ago', null],
  ])('%s → %s', (line, expected) => {
    expect(parseDate(line)).toBe(expected);
  });
});

describe('agencyName', () => {
  it.each([
    ['AFP', 'AFP'],
    ['(Yonhap)', 'Yonhap'],
    ['BSS/AFP', 'AFP'],
    ['The Associated Press', 'AP'],
    ['AJU PRESS', null],
  ])('%s → %s', (credit, expected) => {
    expect(agencyName(credit)).toBe(expected);
  });
});

describe('extractMetadata', () => {
  const sources = { htmlTitle: null, htmlPublished: null, htmlSiteName: null, agencyCredits: [], datelines: [] };
  it('takes the headline out of the body and the dateline out of the lead', () => {
    const { metadata, paragraphs } = extractMetadata(
      [
        { text: 'Seoul says it supports North Korean POWs’ right to asylum in South', role: 'headline' },
        { text: 'SEOUL – Seoul affirmed on Feb 19 that North Korean troops had a right.', role: 'body' },
      ],
      { ...sources, hints: {}, pageDates: [] },
    );
    expect(metadata).toMatchObject({
      title: 'Seoul says it supports North Korean POWs’ right to asylum in South',
      dateline: 'SEOUL',
    });
    expect(paragraphs).toEqual([
      { text: 'Seoul affirmed on Feb 19 that North Korean troops had a right.', role: 'body' },
    ]);
  });
  it('lets hints win over the page, and the page date fill in when there is no hint', () => {
    const paragraphs = [{ text: 'The council met on Monday.', role: 'body' as const }];
    const page = { ...sources, pageDates: ['Friday, February 21, 2025'] };
    expect(extractMetadata(paragraphs, { ...page, hints: {} }).metadata.published).toBe('2025-02-21');
    expect(extractMetadata(paragraphs, { ...page, hints: { published: '2025-02-19' } }).metadata.published).toBe(
      '2025-02-19',
    );
  });
});

describe('metadata of the seeds', () => {
  it('Straits Times: title, AFP from the credit, SEOUL, no date in the page', () => {
    const a = ingestArticle({ raw: STRAITS_TIMES });
    expect([a.title, a.agency, a.dateline, a.published]).toEqual([
      'Seoul says it supports North Korean POWs’ right to asylum in South',
      'AFP',
      'SEOUL',
      null,
    ]);
    expect(a.sentences[1]?.text.startsWith('Seoul affirmed on Feb 19')).toBe(true);
  });
  it('Yonhap: title, Yonhap from the credit line, the page date, no dateline', () => {
    const a = ingestArticle({ raw: YONHAP });
    expect([a.title, a.agency, a.dateline, a.published]).toEqual([
      'North Korean soldier captured by Ukraine expresses desire to defect to South Korea',
      'Yonhap',
      null,
      '2025-02-21',
    ]);
    expect(a.text).not.toContain('February 21, 2025');
  });
});
