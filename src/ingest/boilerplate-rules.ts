// Boilerplate rules as data. Each rule is narrow, names the real line it exists for, and has a test on that line
// (test/ingest/boilerplate.test.ts). A rule that removes a real paragraph makes it look like an outlet's omission,
// so when in doubt a rule does not match.

/**
 * Where in the scrape a rule may match. `head`: before the first line of article prose; `tail`: after the last one;
 * `anywhere`: also between them.
 */
export type RulePlace = 'anywhere' | 'head' | 'tail';

/** What happens to a line a rule matches. Every action takes the line out and records it in `removed`. */
export type RuleAction =
  /** The line is boilerplate. */
  | 'remove'
  /** The line carries the page's date (or a time stamp): the metadata stage reads `published` from it. */
  | 'page-date'
  /** The line credits a wire agency: the metadata stage reads `agency` from it. */
  | 'agency-credit'
  /** The line is a dateline of its own ("SEOUL"): the metadata stage reads `dateline` from it. */
  | 'dateline';

export interface LineRule {
  /** Recorded in `Article.removed[].rule`; kebab-case. */
  name: string;
  /** Tested against the whole normalised line. */
  pattern: RegExp;
  place: RulePlace;
  action: RuleAction;
  /** Only when the line just before (blank lines aside) was removed by the rule of this name. */
  after?: string;
  /** The real line the rule exists for (seed or development corpus); the tests use it. */
  example: string;
  /** A line of article text that looks like it and must be kept (the tests check the rule leaves it alone). */
  nearMiss: string;
}

/** A rule that takes a part out of a line and keeps the rest. The removed part is recorded. */
export interface InlineRule {
  name: string;
  /** The part to take out. The rest of the line must still hold text for the rule to apply. */
  pattern: RegExp;
  /** `page-date`: the removed part is the page's date. */
  action: 'remove' | 'page-date';
  /**
   * Text every match contains, if any: a line without it is skipped before the expression runs (most lines
   * are prose, and an expression that ends in `$` is tried at every position of them).
   */
  contains?: string;
  example: string;
  /** A line of article text that looks like it and must be left whole. */
  nearMiss: string;
}

/** Wire agencies as they credit themselves: in a dateline, in brackets, or alone on a line. */
export const AGENCIES: readonly string[] = [
  'AFP',
  'AP',
  'Reuters',
  'Yonhap',
  'Xinhua',
  'Kyodo',
  'TASS',
  'dpa',
  'ANI',
  'PTI',
  'IANS',
  'UPI',
  'EFE',
  'ANSA',
  'Bernama',
  'KCNA',
  'Interfax',
  'Ukrinform',
  'Anadolu',
  'Bloomberg',
];

/** Agencies' full names as bylines print them, and the short name they stand for. */
export const AGENCY_NAMES: Readonly<Record<string, string>> = {
  'The Associated Press': 'AP',
  'Associated Press': 'AP',
  'Agence France-Presse': 'AFP',
  'Agence France Presse': 'AFP',
  'Yonhap News Agency': 'Yonhap',
  'Yonhap News': 'Yonhap',
  'Kyodo News': 'Kyodo',
  'Xinhua News Agency': 'Xinhua',
};

const AGENCY = AGENCIES.join('|');
const AGENCY_NAME = Object.keys(AGENCY_NAMES).join('|');

/** English month names and their short forms, as pages print them. */
export const MONTH =
  'Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?';
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
/** `February 21, 2025`, `21 Feb 2025`, `2024-06-26`. */
const DATE = `(?:(?:${MONTH}) \\d{1,2},? \\d{4}|\\d{1,2} (?:${MONTH}) \\d{4}|\\d{4}-\\d{2}-\\d{2})`;
/** `14:19`, `5:00 PM`, `07:44 KST`. */
const TIME = '\\d{1,2}[:.]\\d{2}(?: ?[AaPp]\\.?[Mm]\\.?)?(?: [A-Z]{2,4})?';
/** The words a page's publication stamp opens with. */
const STAMP_WORD = '(?:Published|Posted|Updated|Last updated|First published)';
/**
 * What may follow the first date or time of a stamp: more dates, times, zones and stamp words, between separators
 * (`, 06:33Updated 1 April 2025, 14:48`, ` - 07:44`, ` | Updated 10:02 IST`), but no words of a sentence:
 * "Published on June 26, 2024, the report named 12 companies." is article text. Each piece starts with a
 * separator, or is a stamp word glued on ("06:33Updated"): one way to read a tail, so the expression cannot
 * backtrack exponentially (recheck found a looser form exponential).
 */
const STAMP_TAIL = `(?:(?:[\\s,|–—:-]+|(?=${STAMP_WORD}))(?:${DATE}|${TIME}|${STAMP_WORD}|\\(?[A-Z]{2,4}\\)?))*\\s*`;

/**
 * Exact lines that are site furniture, never article text: section labels, share buttons, widget headings.
 * Matched case-insensitively against the whole line.
 */
export const UI_LABELS: readonly string[] = [
  "What's the story",
  'Share',
  'Share this article',
  'Share on Facebook',
  'Share on X',
  'Published by',
  'Listen to this article',
  'Nation & World News',
  'World News',
  'Top Stories',
  'Breaking News',
  'News Flash',
  'Most Popular',
  'Most Read',
  'Comments',
  'Print',
  'Email',
];

/**
 * Headings after which a page lists other articles. Everything from such a heading to the end of the scrape is
 * taken out (rule `related-links`), but only after the article has begun.
 */
export const RELATED_HEADINGS: readonly string[] = [
  'More from Headlines',
  'Recent Posts',
  'Related',
  'Related Articles',
  'Related Stories',
  'Related News',
  'More Stories',
  'More News',
  'Read More',
  'Read Next',
  'You may also like',
  'You might also like',
  'Recommended',
  'Recommended Stories',
  'Latest News',
  'Trending',
  'Trending Now',
];

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactLines = (lines: readonly string[]): RegExp =>
  new RegExp(`^(?:${lines.map(escapeRegExp).join('|')}):?$`, 'i');

export const RELATED_HEADING = exactLines(RELATED_HEADINGS);

/** Rules for every outlet, tried in this order; the first that matches decides. */
export const GENERIC_RULES: readonly LineRule[] = [
  {
    name: 'newsletter-prompt',
    pattern: /^(?:Sign up|Subscribe)(?: now| today| here)?(?: to| for)?:?\s(?=.*\bnewsletters?\b).*$/i,
    place: 'anywhere',
    action: 'remove',
    example: "Sign up now: Get ST's newsletters delivered to your inbox",
    nearMiss: 'Subscribers to the newsletter said the change came without warning.',
  },
  {
    name: 'photo-credit',
    // A credit alone on its line; a caption that ends with a credit is a caption, not a credit.
    // One space at most after the colon and the credit's first character not a space (runs of spaces are
    // collapsed by now): `:\s*[… ]{1,60}` could read the spaces two ways, which recheck found quadratic.
    pattern:
      /^(?:PHOTOS?|Photos?|Image|IMAGE|Picture|Pictures|Photograph|Video)(?: credit)?\s*: ?[\p{L}\p{N}.,&/'’-][\p{L}\p{N} .,&/'’-]{0,59}$/u,
    place: 'anywhere',
    action: 'remove',
    example: 'PHOTO: AFP',
    nearMiss: 'Photos of the damage were shared widely on social media.',
  },
  {
    name: 'follow-topic',
    pattern: /^Follow (?:topics?|us)(?: on [\p{L} ,]+)?:?$/iu,
    place: 'anywhere',
    action: 'remove',
    example: 'Follow topic:',
    nearMiss: 'Follow-up talks are expected next week, the ministry said.',
  },
  {
    name: 'see-more-footer',
    pattern: /^See more on:?$/i,
    place: 'tail',
    action: 'remove',
    example: 'See more on',
    nearMiss: "See more on the ministry's website, officials said.",
  },
  {
    name: 'advertisement',
    pattern: /^[-–—*\s[(]*(?:advertisement|advertising|sponsored content|ad)[-–—*\s\])]*$/i,
    place: 'anywhere',
    action: 'remove',
    example: '- Advertisement -',
    nearMiss: 'Advertisers pulled their campaigns after the fire.',
  },
  {
    name: 'ui-label',
    pattern: exactLines(UI_LABELS),
    place: 'anywhere',
    action: 'remove',
    example: "What's the story",
    nearMiss: "What's the story behind the delay, one lawmaker asked.",
  },
  {
    name: 'weather-widget',
    pattern: /^-?\d{1,3}(?:\.\d)?\s?°?\s?[FC]$/,
    place: 'head',
    action: 'remove',
    example: '58.8 F',
    nearMiss: '-30 °C at the summit, rescuers said',
  },
  {
    name: 'weather-widget-place',
    // A place name of one to four capitalised words, only right after the temperature line.
    pattern: /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}$/u,
    place: 'head',
    action: 'remove',
    after: 'weather-widget',
    example: 'Los Angeles',
    nearMiss: 'Los Angeles police said two people were hurt.',
  },
  {
    name: 'page-date',
    pattern: new RegExp(`^(?:${WEEKDAY},? )?${DATE}(?:,? ${TIME})?$`),
    place: 'head',
    action: 'page-date',
    example: 'Friday, February 21, 2025',
    nearMiss: 'Friday, February 21, 2025, was the deadline for the bids.',
  },
  {
    name: 'timestamp',
    pattern: new RegExp(
      `^(?:${STAMP_WORD}\\b ?:? ?(?:on )?(?:${DATE}|${TIME}|\\d+ (?:minutes?|hours?|days?) ago)${STAMP_TAIL}|${DATE} ?\\| ?${TIME})$`,
      'i',
    ),
    place: 'head',
    action: 'page-date',
    example: 'Published : June 26, 2024 - 07:44',
    nearMiss: 'Published on June 26, 2024, the report named 12 companies.',
  },
  {
    name: 'byline',
    // `By Joyce Lee`; `By Park Sae-jin Posted : June 26, 2024, 14:19 …` (a byline with the page's time stamps).
    pattern:
      /^By \p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}(?:(?:,| and| &) \p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}){0,3}(?: (?:Posted|Published|Updated) ?:.*)?$/u,
    place: 'head',
    action: 'page-date',
    example: 'By Joyce Lee',
    nearMiss: 'By Tuesday the toll had risen to 69.',
  },
  {
    name: 'dateline-line',
    // A dateline printed on its own line above the lead: `SEOUL`; `Seoul, Nov 2 (AFP) Nov 02, 2025`.
    pattern: new RegExp(
      `^(?:\\p{Lu}{3,}(?: \\p{Lu}{2,}){0,2}|\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?, (?:${MONTH}) \\d{1,2} \\((?:${AGENCY})\\)(?: (?:${MONTH}) \\d{1,2}, \\d{4})?)$`,
      'u',
    ),
    place: 'head',
    action: 'dateline',
    example: 'SEOUL',
    nearMiss: 'SEOUL said the talks would resume next month.',
  },
  {
    name: 'agency-credit',
    pattern: new RegExp(`^(?:${AGENCY}|${AGENCY_NAME})$`),
    place: 'tail',
    action: 'agency-credit',
    example: 'Yonhap',
    nearMiss: 'Yonhap reported the launch on Wednesday.',
  },
  {
    name: 'agency-byline',
    pattern: new RegExp(`^(?:${AGENCY_NAME})$`),
    place: 'head',
    action: 'agency-credit',
    example: 'The Associated Press',
    nearMiss: 'The Associated Press reported that 20 people had died.',
  },
  {
    name: 'agency-note',
    pattern: /^\(?With inputs from (?:agencies|[\p{L} ,&]{2,40})\.?\)?$/iu,
    place: 'tail',
    action: 'remove',
    example: '(With inputs from agencies.)',
    nearMiss: 'With inputs from the coast guard, rescuers reached the boat at dawn.',
  },
  {
    name: 'syndication-note',
    pattern: /^\((?=.*\bsyndicated feed\b).*\)$/i,
    place: 'tail',
    action: 'remove',
    example:
      '(The article has been published through a syndicated feed. Except for the headline, the content has been published verbatim. Liability lies with original publisher.)',
    nearMiss: 'The story came from a syndicated feed, the editor said.',
  },
  {
    name: 'copyright',
    pattern: /^(?:Copyright|©|ⓒ|\(c\))\s.*(?:rights reserved|All rights)\.?$/i,
    place: 'tail',
    action: 'remove',
    example: 'Copyright ⓒ Aju Press All rights reserved.',
    nearMiss: 'Copyright lawyers said all rights belonged to the estate.',
  },
  {
    name: 'source-credit',
    pattern: /^Source: [^.!?]{2,60}$/,
    place: 'anywhere',
    action: 'remove',
    example: "Source: Barron's citing AFP and Yonhap",
    nearMiss: 'Source: officials said the plane had no fuel left.',
  },
  {
    name: 'scraper-prompt',
    // A content farm's rewriting prompt left in the page.
    pattern: /^(?:Summarize|Rewrite|Paraphrase) this (?:content|article)\b.*$/i,
    place: 'head',
    action: 'remove',
    example: 'Summarize this content to 2000 words in 6 paragraphs',
    nearMiss: 'Summarize this: the council voted 12 to 3.',
  },
  {
    name: 'read-more-link',
    pattern: /^(?:Also read|Read also|Read more|Related)\s?[:|–—-]\s?.+$/i,
    place: 'anywhere',
    action: 'remove',
    example: 'Also Read: Museum reopens after the theft',
    nearMiss: 'Related to the case, police arrested two men.',
  },
  {
    name: 'embedded-post',
    // An embedded tweet, as text: the post, then `pic.twitter.com/…— Name (@handle) January 11, 2025`.
    pattern: new RegExp(`(?:pic\\.twitter\\.com/\\w+|\\(@\\w{1,15}\\) (?:${MONTH}) \\d{1,2}, \\d{4})$`),
    place: 'anywhere',
    action: 'remove',
    example:
      'The talks went well and will go on next week… pic.twitter.com/AbC123xyz— A Minister (@aminister) January 11, 2025',
    nearMiss: 'He posted a picture on Twitter on June 26, 2024, after the vote.',
  },
  {
    name: 'view-count',
    // A sidebar's view count glued to its time: `13917:36` (139 views, 17:36), `340Yesterday, 23:59`.
    pattern: /^\d+(?:\d{1,2}:\d{2}|(?:Yesterday|Today), \d{1,2}(?::\d{2})?)$/,
    place: 'tail',
    action: 'remove',
    example: '340Yesterday, 23:59',
    nearMiss: '340 people were evacuated yesterday, 23 of them children.',
  },
  {
    name: 'page-ui-text',
    // Interface text in another script after an English article ("enlarge article image" in Korean).
    pattern: /^[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana} ]{1,40}$/u,
    place: 'tail',
    action: 'remove',
    example: '기사 이미지 확대 보기',
    nearMiss: 'The sign read 평화 in large letters.',
  },
  {
    name: 'separator',
    // A line with no letter or digit ("***", "-"): no sentence can come of it.
    pattern: /^[^\p{L}\p{N}]+$/u,
    place: 'anywhere',
    action: 'remove',
    example: '-',
    nearMiss: '- 30 people were injured, police said',
  },
];

/** Parts of lines that are scraper artefacts or credits; taken out before the line rules run. */
export const INLINE_RULES: readonly InlineRule[] = [
  {
    name: 'markdown-image',
    // No "[" in the alt text and no "(" in the address: each "![" is then tried in constant time, where the first
    // form ran to the end of the line for its "]" ("![" × N was quadratic; recheck calls this one linear).
    pattern: /!\[[^[\]\n]*\]\([^()\n]*\)\s*/g,
    action: 'remove',
    contains: '![',
    example: '![]() Two soldiers asked to be moved, the group said.',
    nearMiss: 'The post read ![sic] in brackets, the court heard.',
  },
  {
    name: 'table-pipe',
    pattern: /\s\|$/g,
    action: 'remove',
    contains: '|',
    example: 'The ministry said it was ready to help. |',
    nearMiss: 'The vote was 12 | 3 in favour of the motion.',
  },
  {
    name: 'reporting-credit',
    pattern: /(?<!\s)\s*\((?:Reporting|Additional reporting|Writing|Editing) by [^()]*\)$/g,
    action: 'remove',
    // Every alternative ends in "ing": " by " alone let through most lines of prose ("captured by Ukraine").
    contains: 'ing by ',
    example: 'Shares rose 2 per cent. (Reporting by Jane Doe and John Roe; Editing by Sam Poe)',
    nearMiss: 'Reporting by local media suggested 20 deaths.',
  },
  {
    name: 'glued-byline',
    // A headline and byline scraped without a space: `…launch attempt fails: JCSBy Jane Doe`.
    pattern: /(?<=[\p{Ll}\p{Lu}])By \p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}-]+){1,2}$/gu,
    action: 'remove',
    contains: 'By ',
    example: 'Missile launch attempt fails: JCSBy Jane Doe',
    nearMiss: 'The survey was done By Gallup Korea in May.',
  },
  {
    name: 'glued-date',
    // The page date scraped without a space before the lead: `June 26, 2024A suspected missile…`.
    pattern: new RegExp(`^(?:${MONTH}) \\d{1,2}, \\d{4}(?=\\p{Lu})`, 'gu'),
    action: 'page-date',
    example: 'June 26, 2024A suspected missile exploded on Wednesday, the military said.',
    nearMiss: 'June 26, 2024 was the day of the launch.',
  },
];

/**
 * A credit after the last sentence, on the same line: `…have not replied. AFP`, `…be captured. — AFP`,
 * `…on their transfer. (Yonhap)`. Only on the last line of prose.
 */
export const TRAILING_CREDIT = new RegExp(`(?<=[.!?”"’])\\s+(?:[—–-]\\s?)?(\\(?(?:${AGENCY})\\)?)$`);

/**
 * A caption ends with a photo credit: `…on Jan. 11. [YONHAP]`, `…(PHOTO NOT FOR SALE) (Yonhap)`,
 * `… — AFP pic`, `… © Jung Yeon-je / AFP`, `…on June 26 Yonhap Photo`, `…Ongjin, Incheon. Yonhap`,
 * `…while sharing photos of the two men. Photo courtesy of President of Ukraine`.
 */
export const CAPTION_CREDIT_PATTERN = new RegExp(
  [
    `[.!?”")]\\s*\\[(?:${AGENCY}|[A-Z][A-Z .,/&-]{1,40})\\]$`,
    `[.!?”")]\\s*\\((?:${AGENCY})\\)$`,
    `\\s[—–-] ?(?:${AGENCY})(?: pic| photo| Photo)$`,
    `\\s©\\s?[^©]{1,60}$`,
    `\\s(?:${AGENCY}) (?:Photo|photo|pic)$`,
    `[.!?]\\s(?:${AGENCY})$`,
    `\\s(?:Photo|Image) (?:courtesy of|by) [^.!?]{1,60}$`,
    `[.!?”")]\\s*\\((?:Photo|Image|Picture)s?(?: by|:)[^)]{1,60}\\)$`,
  ].join('|'),
  'u',
);

/**
 * CAPTION_CREDIT_PATTERN, asked only of lines that can match it: every alternative ends with "]", ")" or an
 * agency name or "pic"/"photo" (ASCII letters), or holds "©", "Photo " or "Image ". Most lines are prose
 * ending in a full stop or a quote, and an expression anchored at the end is tried at every position.
 */
export const CAPTION_CREDIT = {
  test(line: string): boolean {
    const last = line.charCodeAt(line.length - 1);
    const mayMatch =
      last === 0x5d ||
      last === 0x29 ||
      (last >= 0x41 && last <= 0x5a) ||
      (last >= 0x61 && last <= 0x7a) ||
      line.includes('©') ||
      line.includes('Photo ') ||
      line.includes('Image ');
    return mayMatch && CAPTION_CREDIT_PATTERN.test(line);
  },
};

/**
 * Rules that hold for one outlet's or one agency's copy only. A profile applies when the outlet or agency hint
 * matches `applies`, or when the scrape contains the profile's `signature` (so a republished copy with no hints
 * still gets its agency's rules).
 */
export interface OutletProfile {
  name: string;
  /** Tested against `hints.outlet` and `hints.agency`. */
  applies: RegExp;
  /** Tested against the whole normalised text. */
  signature: RegExp;
  /**
   * Text every signature match contains, if any: a scrape without it skips the expression (a multi-line `^` is
   * tried at every line, while looking for a string is a fast search).
   */
  signatureContains?: string;
  rules: readonly LineRule[];
}

export const OUTLET_PROFILES: readonly OutletProfile[] = [
  {
    name: 'yonhap',
    applies: /\bYonhap\b/i,
    // Yonhap's dateline: `SEOUL, Jan. 12 (Yonhap) -- …`.
    signature: /^\p{Lu}[\p{Lu} ]+, \p{Lu}\p{Ll}+\.? \d{1,2} \(Yonhap\) --/mu,
    signatureContains: ' (Yonhap) --',
    rules: [
      {
        name: 'editor-note',
        // Yonhap's note to editors on an updated story: which paragraphs changed.
        pattern: /^\(ATTN: .*\)$/,
        place: 'head',
        action: 'remove',
        example: "(ATTN: UPDATES with NIS' confirmation in paras 9-10, 12)",
        nearMiss: 'ATTN: readers were told to stay indoors, the notice said.',
      },
    ],
  },
];
