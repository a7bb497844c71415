import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INGEST } from '../../src/config.js';
import { firstAndLast, isProse, removeBoilerplate, wordCount } from '../../src/ingest/boilerplate.js';
import {
  CAPTION_CREDIT,
  CAPTION_CREDIT_PATTERN,
  GENERIC_RULES,
  INLINE_RULES,
  type LineRule,
  OUTLET_PROFILES,
  TRAILING_CREDIT,
} from '../../src/ingest/boilerplate-rules.js';
import { ingestArticle } from '../../src/ingest/index.js';
import { normalizeText } from '../../src/ingest/normalize.js';
import { fixture, STRAITS_TIMES, YONHAP } from './helpers.js';

const clean = (text: string, rules: readonly LineRule[] = GENERIC_RULES) =>
  removeBoilerplate(normalizeText(text), rules);
const removed = (text: string, rules?: readonly LineRule[]) =>
  clean(text, rules).removed.map((r) => `${r.rule}: ${r.text}`);
const kept = (text: string) => clean(text).lines.map((l) => (l.role === 'body' ? l.text : `[${l.role}] ${l.text}`));

/** A lead and a last paragraph, so a test line can stand in the head, the body or the tail. */
const LEAD = 'The council opened the new bridge on Monday, officials said.';
const LAST = 'Traffic will use the bridge from next week, the council said.';

describe('every rule matches the real line it exists for', () => {
  const all = [...GENERIC_RULES, ...OUTLET_PROFILES.flatMap((p) => p.rules)];
  it.each(all.map((r) => [r.name, r] as const))('%s', (_name, rule) => {
    expect(rule.pattern.test(rule.example)).toBe(true);
  });
  it.each(all.map((r) => [r.name, r] as const))(
    '%s leaves its near miss, a line of article text, alone',
    (_name, rule) => {
      expect(rule.pattern.test(rule.nearMiss)).toBe(false);
      // Through the whole stage too: the near miss, between a lead and a last paragraph, is kept.
      expect(kept(`${LEAD}\n\n${rule.nearMiss}\n\n${LAST}`)).toContain(rule.nearMiss);
    },
  );
  it.each(INLINE_RULES.map((r) => [r.name, r] as const))('inline %s leaves its near miss whole', (_name, rule) => {
    expect(rule.nearMiss.replace(rule.pattern, '')).toBe(rule.nearMiss);
  });
  it.each(INLINE_RULES.map((r) => [r.name, r] as const))('inline %s', (_name, rule) => {
    expect(rule.example.replace(rule.pattern, '')).not.toBe(rule.example);
    // A rule's `contains` lets lines without it skip the expression: every match must hold it.
    for (const part of rule.example.match(rule.pattern) ?? []) expect(part).toContain(rule.contains ?? '');
  });
  it('outlet signatures: every match holds the profile’s `signatureContains` (property)', () => {
    // Datelines and near misses, between other text.
    const dateline = fc.tuple(
      fc.constantFrom('SEOUL', 'NEW YORK', 'Seoul', 'S'),
      fc.constantFrom(', ', ' ', ','),
      fc.constantFrom('Jan.', 'Jan', 'Feb.', 'jan', 'JAN'),
      fc.constantFrom(' 12', ' 3', '3', ' 123'),
      fc.constantFrom(' (Yonhap) --', ' (Yonhap) -', '(Yonhap) --', ' (Yonhap)--', ' Yonhap --'),
    );
    const other = fc.constantFrom('', '\n', 'The council met.\n', 'a ', '(', ')', '--');
    fc.assert(
      fc.property(other, dateline, other, (before, parts, after) => {
        const text = `${before}${parts.join('')}${after}`;
        for (const profile of OUTLET_PROFILES) {
          for (const match of text.matchAll(new RegExp(profile.signature.source, `${profile.signature.flags}g`))) {
            expect(match[0]).toContain(profile.signatureContains ?? '');
          }
        }
      }),
      { seed: 20251124, numRuns: 20_000 },
    );
    const example = 'The council met.\nSEOUL, Jan. 12 (Yonhap) -- The council met on Monday.';
    expect(example.match(OUTLET_PROFILES[0]?.signature ?? /$^/)?.[0]).toContain(OUTLET_PROFILES[0]?.signatureContains);
  });
  it('inline rules: every match holds the rule’s `contains` (property)', () => {
    const pieces = fc.constantFrom(
      ...['Reporting', 'Additional reporting', 'Writing', 'Editing', ' by ', 'By ', 'Jane', ' Doe', ';', ' ', '('],
      ...[')', '[', ']', '!', '|', 'June 26, 2024', 'A', 'x', '.', '\t', '![](x)'],
    );
    // Some lines end like a credit: `… (Editing by Sam Poe)`.
    const credit = fc.tuple(fc.constantFrom('', ' ('), fc.constantFrom('Reporting', 'Editing', 'Writing', 'x'));
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 10, size: 'max' }),
        credit,
        fc.array(pieces, { maxLength: 4, size: 'max' }),
        (a, c, b) => {
          const line = `${a.join('')}${c.join('')} by ${b.join('')}`;
          for (const rule of INLINE_RULES) {
            for (const part of line.match(rule.pattern) ?? []) expect(part).toContain(rule.contains ?? '');
          }
        },
      ),
      { seed: 20251124, numRuns: 20_000 },
    );
  });
});

describe('the Straits Times seed', () => {
  const article = ingestArticle({ raw: STRAITS_TIMES });
  it('removes the newsletter prompt, photo credit, "Follow topic:", the footer and the trailing AFP, each with its rule', () => {
    expect(article.removed).toEqual([
      { text: "Sign up now: Get ST's newsletters delivered to your inbox", rule: 'newsletter-prompt' },
      {
        text: 'An official from Seoul’s Foreign Ministry said North Korean soldiers are "constitutionally considered our nationals".',
        rule: 'duplicate-caption',
      },
      { text: 'PHOTO: AFP', rule: 'photo-credit' },
      { text: 'Follow topic:', rule: 'follow-topic' },
      { text: 'AFP', rule: 'agency-credit' },
      { text: 'See more on', rule: 'see-more-footer' },
    ]);
  });
  it('keeps the caption printed twice once, as a caption', () => {
    const captions = article.sentences.filter((s) => s.role === 'caption').map((s) => s.text);
    expect(captions).toEqual([
      'An official from Seoul’s Foreign Ministry said North Korean soldiers are "constitutionally considered our nationals".',
    ]);
    expect(article.text.split('constitutionally considered our nationals".').length).toBe(2);
  });
  it('ends the last sentence before the agency credit', () => {
    expect(article.sentences.at(-1)?.text).toBe(
      'AFP has sought interviews with the captured soldiers but Ukrainian authorities holding them have not replied.',
    );
  });
});

describe('the Yonhap seed', () => {
  const article = ingestArticle({ raw: YONHAP });
  it('removes the weather widget, the page date, the advertisement and the trailing credit', () => {
    expect(article.removed).toEqual([
      { text: '58.8 F', rule: 'weather-widget' },
      { text: 'Los Angeles', rule: 'weather-widget-place' },
      { text: 'Friday, February 21, 2025', rule: 'page-date' },
      { text: '- Advertisement -', rule: 'advertisement' },
      { text: 'Yonhap', rule: 'agency-credit' },
    ]);
  });
  it('keeps the photo caption ending in [YONHAP] as one caption sentence', () => {
    const captions = article.sentences.filter((s) => s.role === 'caption').map((s) => s.text);
    expect(captions).toEqual([
      'A wounded soldier, suspected to be North Korean and captured by Ukrainian forces, is seen in this file photo posted on Ukrainian President Volodymyr Zelensky’s Telegram on Jan. 11. [YONHAP]',
    ]);
  });
  it('does not take "Los Angeles" for a widget when no temperature precedes it', () => {
    expect(removed(`Los Angeles\n\n${LEAD}\n\n${LAST}`)).toEqual(['page-header: Los Angeles']);
    expect(removed(`${LEAD}\n\nLos Angeles\n\n${LAST}`)).toEqual([]);
  });
});

describe('head rules', () => {
  it('removes site names and section labels above the headline, and marks the headline', () => {
    const out = clean(fixture('wire-page.txt'));
    expect(out.lines[0]).toMatchObject({
      role: 'headline',
      text: 'Port city opens new ferry terminal after two-year delay, officials say',
    });
    expect(out.removed.slice(0, 4).map((r) => r.rule)).toEqual(['page-header', 'ui-label', 'timestamp', 'byline']);
  });
  it('keeps a long line above the lead as a standfirst, not as furniture', () => {
    expect(kept(fixture('wire-page.txt'))[1]).toBe(
      '[standfirst] Officials say the terminal will double passenger capacity by next summer',
    );
  });
  it('takes a dateline printed on its own line as metadata', () => {
    const out = clean(`Bridge reopens after repairs\n\nSEOUL\n\n${LEAD}`);
    expect(out.datelines).toEqual(['SEOUL']);
    expect(out.removed).toEqual([{ text: 'SEOUL', rule: 'dateline-line' }]);
  });
  it('keeps SEOUL as text below the lead', () => {
    expect(removed(`${LEAD}\n\nSEOUL\n\n${LAST}`)).toEqual([]);
  });
  it('removes the headline printed again', () => {
    const title = 'Bridge reopens after long repairs, council says';
    expect(removed(`${title}\n\nWorld News\n${title}\n2min\n${title}\n\n${LEAD}`)).toEqual([
      'ui-label: World News',
      `duplicate-headline: ${title}`,
      'page-header: 2min',
      `duplicate-headline: ${title}`,
    ]);
  });
  it('never removes a long line of text as page furniture, even with no prose line anywhere', () => {
    const cut =
      'The council said the bridge would reopen to traffic next week after the repairs, which took eight months and cost more than planned, were finished and';
    expect(removed(`Summarize this content to 2000 words in 6 paragraphs\n\n${cut}`)).toEqual([
      'scraper-prompt: Summarize this content to 2000 words in 6 paragraphs',
    ]);
  });
  it('reads a byline with the page’s time stamps as a date source', () => {
    const out = clean(`Bridge reopens after repairs\n\nBy Jane Doe Posted : June 26, 2024, 14:19\n\n${LEAD}`);
    expect(out.pageDates).toEqual(['By Jane Doe Posted : June 26, 2024, 14:19']);
  });
  it('applies the Yonhap profile when the scrape has a Yonhap dateline, and only then', () => {
    const note = "(ATTN: UPDATES with NIS' confirmation in paras 9-10, 12)";
    const withDateline = `Bridge reopens after repairs (LEAD)\n${note}\nSEOUL, Jan. 12 (Yonhap) -- ${LEAD}`;
    expect(ingestArticle({ raw: withDateline }).removed).toEqual([{ text: note, rule: 'editor-note' }]);
    const without = ingestArticle({ raw: `Bridge reopens after repairs (LEAD)\n${note}\n${LEAD}` });
    expect(without.removed).toEqual([]);
    expect(
      ingestArticle({ raw: `Bridge reopens after repairs (LEAD)\n${note}\n${LEAD}`, hints: { agency: 'Yonhap' } })
        .removed,
    ).toEqual([{ text: note, rule: 'editor-note' }]);
  });
});

describe('head lines from the development corpus get the right rule', () => {
  it.each([
    ['2024-06-26 | 00:10', 'timestamp'],
    ['Updated 2 minutes ago', 'timestamp'],
    ['Published : June 26, 2024 - 07:44', 'timestamp'],
    ['June 25, 2024, 5:00 PM', 'page-date'],
    ['By Park Sae-jin Posted : June 26, 2024, 14:19 Updated : June 26, 2024, 14:35', 'byline'],
    ['By Joyce Lee', 'byline'],
    ['Seoul, Nov 2 (AFP) Nov 02, 2025', 'dateline-line'],
    ['The Associated Press', 'agency-byline'],
    ['News Flash', 'ui-label'],
    ['Categories: Tech & Auto', 'page-header'],
    ['SpaceWar.com - Your World At War', 'page-header'],
    ['Summarize this content to 2000 words in 6 paragraphs', 'scraper-prompt'],
  ])('%s → %s', (line, rule) => {
    expect(removed(`Bridge reopens after long repairs\n\n${line}\n\n${LEAD}`)).toEqual([`${rule}: ${line}`]);
  });
});

describe('tail rules', () => {
  it('removes tags after a credit, and related links after their heading', () => {
    const rules = clean(fixture('wire-page.txt')).removed.slice(4);
    expect(rules.map((r) => `${r.rule}: ${r.text}`)).toEqual([
      'agency-credit: Reuters',
      'tail-chrome: Transport',
      'tail-chrome: Eastland',
      'tail-chrome: Ferries',
      'related-links: Related Articles',
      'related-links: City council approves budget',
      'related-links: Ferry fares to rise in June',
    ]);
  });
  it('removes a sidebar of headlines with view counts', () => {
    expect(clean(fixture('flattened-sidebar.txt')).removed.map((r) => r.rule)).toEqual([
      'markdown-image',
      'table-pipe',
      'tail-chrome',
      'view-count',
      'tail-chrome',
      'view-count',
      'tail-chrome',
      'view-count',
    ]);
  });
  it('keeps a last paragraph cut mid-sentence', () => {
    const text = fixture('truncated.txt');
    expect(removed(text)).toEqual([]);
    expect(kept(text).at(-1)).toBe(
      'The council said a second bridge upstream would be inspected in the spring, and that repairs there could',
    );
  });
  it('keeps short unpunctuated tail lines when no rule knows any of them', () => {
    expect(removed(`${LEAD}\n\n${LAST}\n\nBackground:\n\nOne\n\nTwo\n\nThree`)).toEqual([]);
  });
  it('takes credits and notes after the last paragraph', () => {
    expect(
      removed(
        `${LEAD}\n\n${LAST}\n\n(With inputs from agencies.)\n\nCopyright ⓒ Aju Press All rights reserved.\n\n기사 이미지 확대 보기\n\nThe Associated Press`,
      ),
    ).toEqual([
      'agency-note: (With inputs from agencies.)',
      'copyright: Copyright ⓒ Aju Press All rights reserved.',
      'page-ui-text: 기사 이미지 확대 보기',
      'agency-credit: The Associated Press',
    ]);
  });
  it('takes a syndication note even though it ends like a sentence', () => {
    const note =
      '(The article has been published through a syndicated feed. Except for the headline, the content has been published verbatim. Liability lies with original publisher.)';
    expect(removed(`${LEAD}\n\n${LAST}\n\n${note}`)).toEqual([`syndication-note: ${note}`]);
  });
  it('does not take "AFP" at the end of a paragraph that is not the last', () => {
    expect(removed(`${LEAD} AFP\n\n${LAST}`)).toEqual([]);
  });
  it('takes the credit after the last sentence in its three forms', () => {
    for (const credit of ['AFP', '— AFP', '(Yonhap)']) {
      const out = clean(`${LEAD}\n\n${LAST} ${credit}`);
      expect(out.removed).toEqual([{ text: credit, rule: 'agency-credit' }]);
      expect(out.lines.at(-1)?.text).toBe(LAST);
    }
  });
});

describe('rules anywhere', () => {
  it('removes an embedded post but keeps the outlet’s own quote of it', () => {
    const post =
      'The talks went well and will go on next week… pic.twitter.com/AbC123xyz— A Minister (@aminister) January 11, 2025';
    const quote = '"The talks went well," the minister wrote on X.';
    expect(removed(`${LEAD}\n\n${post}\n\n${quote}\n\n${LAST}`)).toEqual([`embedded-post: ${post}`]);
  });
  it('removes a UI label only when it is the whole line', () => {
    expect(removed(`${LEAD}\n\nShare\n\n${LAST}`)).toEqual(['ui-label: Share']);
    expect(removed(`${LEAD}\n\nShare prices fell 3 per cent on Monday after the report.\n\n${LAST}`)).toEqual([]);
  });
  it('keeps a short repeated line and removes a repeated paragraph', () => {
    const para = 'The bridge carries 40,000 vehicles a day, the council said.';
    expect(removed(`${LEAD}\n\nYes.\n\n${para}\n\nYes.\n\n${para}\n\n${LAST}`)).toEqual([
      `duplicate-paragraph: ${para}`,
    ]);
  });
  it('marks a line repeated at once as a caption, keeping one copy', () => {
    const caption = 'Workers paint the bridge in Valley Town on March 1, 2025.';
    const out = clean(`Bridge reopens after long repairs\n\n${caption}\n\n${caption}\n\n${LEAD}`);
    expect(out.lines.map((l) => l.role)).toEqual(['headline', 'caption', 'body']);
    expect(out.removed).toEqual([{ text: caption, rule: 'duplicate-caption' }]);
  });
  it('strips the markdown image and the table pipe, and keeps the text', () => {
    expect(kept('![]() Two ministers met on Tuesday to discuss the treaty, an official said. |')).toEqual([
      'Two ministers met on Tuesday to discuss the treaty, an official said.',
    ]);
  });
  it('keeps "Yonhap reports." as text', () => {
    expect(removed(`${LEAD}\nYonhap reports.\n${LAST}`)).toEqual([]);
  });
});

describe('captions', () => {
  it.each([
    '…posted on Ukrainian President Volodymyr Zelensky’s Telegram on Jan. 11. [YONHAP]',
    'A soldier in a photo posted on Jan. 11, 2025. (PHOTO NOT FOR SALE) (Yonhap)',
    'A minister inspects the port in this picture released on November 2. — AFP pic',
    'A man watches a screen at a station in Seoul on June 26. © Jane Doe / AFP',
    'A contrail over the sea near the island at around 532 am on June 26 Yonhap Photo',
    'A contrail is visible in the sky over the island. Yonhap',
    'Two men were captured, the president said while sharing photos. Photo courtesy of the Presidential Office',
    'Readers in the main hall on March 1. (Photo: Town Gazette)',
  ])('%s', (line) => {
    expect(CAPTION_CREDIT.test(line)).toBe(true);
  });
  it.each([
    'AFP has sought interviews with the captured soldiers but Ukrainian authorities holding them have not replied.',
    'The official said the soldiers are "constitutionally considered our nationals".',
    'It is not the first time, AFP reported.',
  ])('not a caption: %s', (line) => {
    expect(CAPTION_CREDIT.test(line)).toBe(false);
  });
  it('skips the expression only on lines it cannot match (property)', () => {
    const pieces = fc.constantFrom(
      ...['AFP', 'Yonhap', 'pic', 'Photo', 'photo', 'Image', 'courtesy of', 'by', '©', '[YONHAP]', '(Yonhap)'],
      ...['(Photo: Town Gazette)', '—', '-', ' ', '.', '!', '”', '"', ')', ']', 'x', 'The Times', 'é'],
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 10 }), (parts) => {
        const line = parts.join('');
        expect(CAPTION_CREDIT.test(line)).toBe(CAPTION_CREDIT_PATTERN.test(line));
      }),
      { seed: 20251124, numRuns: 20_000 },
    );
  });
});

describe('counting words only as far as needed', () => {
  // The expressions the hand-written count and the early stop replace.
  const words = (text: string): number => text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const prose = (line: string): boolean => {
    const text = line.replace(TRAILING_CREDIT, '');
    const n = words(text);
    return (n >= INGEST.minProseWords && /[.!?…][”"’)\]]*$/u.test(text)) || n >= INGEST.minLongLineWords;
  };
  const pieces = fc.constantFrom(
    ...['a', 'word', 'é', '7', ' ', ' ', '  ', '—', '|', '.', '!', '?', '…', '”', ')', ':', '\u{1d400}', '\u0301'],
    ...[' AFP', ' (Yonhap)', ' - Reuters', 'The council met on Monday', ' and voted to close the old bridge'],
  );

  it('wordCount(text, limit) is the number of words, capped at the limit (property)', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40, size: 'max' }), fc.integer({ min: 0, max: 30 }), (parts, limit) => {
        const text = parts.join('');
        expect(wordCount(text)).toBe(words(text));
        expect(wordCount(text, limit)).toBe(Math.min(limit, words(text)));
      }),
      { seed: 20251124, numRuns: 20_000 },
    );
  });

  it('isProse gives the answer of the full count (property, and the seed’s lines)', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40, size: 'max' }), (parts) => {
        const line = parts.join('');
        expect(isProse(line)).toBe(prose(line));
      }),
      { seed: 20251124, numRuns: 20_000 },
    );
    for (const line of normalizeText(`${STRAITS_TIMES}\n${YONHAP}`).split('\n')) {
      expect([line, isProse(line)]).toEqual([line, prose(line)]);
    }
  });
});

describe('firstAndLast: the prose bounds without asking every line', () => {
  it('finds what filtering every index finds, asking each index at most once (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 30, size: 'max' }), fc.nat(35), (flags, extra) => {
        const end = Math.min(flags.length, extra);
        const indexes = flags.flatMap((flag, i) => (i < end && flag ? [i] : []));
        const asked: number[] = [];
        const bounds = firstAndLast(end, (i) => {
          asked.push(i);
          return flags[i] === true;
        });
        expect(bounds).toEqual([indexes[0] ?? end, indexes.at(-1) ?? -1]);
        expect(new Set(asked).size).toBe(asked.length);
      }),
      { seed: 20251124, numRuns: 20_000 },
    );
  });

  it('reads a scrape with no prose line as head and tail at once (its furniture is tail chrome)', () => {
    expect(removed('Japan Today\nWorld\nNorth Korea\nSEOUL\nRead more: x')).toEqual([
      'tail-chrome: Japan Today',
      'tail-chrome: World',
      'tail-chrome: North Korea',
      'dateline-line: SEOUL',
      'read-more-link: Read more: x',
    ]);
  });
});
