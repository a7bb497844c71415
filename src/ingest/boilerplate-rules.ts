// Boilerplate rules as data. Each rule is narrow, names the real line it exists for, and has a test on that line
// (test/ingest/boilerplate.test.ts). A rule that removes a real paragraph makes it look like an outlet's omission,
// so when in doubt a rule does not match.

/** Where in the article a rule may match. `head`: before the first body paragraph; `tail`: after the last one. */
export type RulePlace = 'anywhere' | 'head' | 'tail';

/** What happens to a line a rule matches. */
export type RuleAction =
  /** The line is boilerplate: it leaves the text and is recorded in `removed`. */
  | 'remove'
  /** The line is the page's date: it leaves the text and becomes `published`. Recorded in `removed`. */
  | 'page-date'
  /** The line credits a wire agency: it leaves the text and becomes `agency`. Recorded in `removed`. */
  | 'agency-credit'
  /** The line stays, with role `caption`. */
  | 'caption';

export interface LineRule {
  /** Recorded in `Article.removed[].rule`; kebab-case. */
  name: string;
  /** Tested against the whole normalised line. */
  pattern: RegExp;
  place: RulePlace;
  action: RuleAction;
  /** Only when the line just before was removed by this rule (a widget spread over several lines). */
  after?: string;
  /** The real line the rule exists for. */
  example: string;
}

/** Wire agencies whose name alone on a line, or in a dateline, credits the story to them. */
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

const AGENCY = AGENCIES.join('|');

/** English month names and their short forms, as pages print them. */
const MONTH =
  'Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t|tember|\\.|t\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?';
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';

/** Rules for every outlet. */
export const GENERIC_RULES: readonly LineRule[] = [
  {
    name: 'newsletter-prompt',
    pattern: /^(?:Sign up|Subscribe)(?: now| today| here)?(?: to| for)?:?\s.*\bnewsletters?\b.*$/i,
    place: 'anywhere',
    action: 'remove',
    example: "Sign up now: Get ST's newsletters delivered to your inbox",
  },
  {
    name: 'photo-credit',
    pattern:
      /^(?:PHOTOS?|Photos?|Image|IMAGE|Picture|Pictures|Photograph|Video)(?: credit)?\s*:\s*[\p{L}\p{N} .,&/'’-]{1,60}$/u,
    place: 'anywhere',
    action: 'remove',
    example: 'PHOTO: AFP',
  },
  {
    name: 'follow-topic',
    pattern: /^Follow (?:topics?|us)(?: on [\p{L} ,]+)?:?$/iu,
    place: 'anywhere',
    action: 'remove',
    example: 'Follow topic:',
  },
  {
    name: 'see-more-footer',
    pattern: /^See more on:?$/i,
    place: 'tail',
    action: 'remove',
    example: 'See more on',
  },
  {
    name: 'advertisement',
    pattern: /^[-–—*\s[(]*(?:advertisement|advertising|sponsored|ad)[-–—*\s\])]*$/i,
    place: 'anywhere',
    action: 'remove',
    example: '- Advertisement -',
  },
  {
    name: 'weather-widget',
    pattern: /^-?\d{1,3}(?:\.\d)?\s?°?\s?[FC]$/,
    place: 'head',
    action: 'remove',
    example: '58.8 F',
  },
  {
    name: 'weather-widget-place',
    // A place name of one to four capitalised words, only right after the temperature line.
    pattern: /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}$/u,
    place: 'head',
    action: 'remove',
    after: 'weather-widget',
    example: 'Los Angeles',
  },
  {
    name: 'page-date',
    pattern: new RegExp(
      `^(?:${WEEKDAY},? )?(?:${MONTH}) \\d{1,2},? \\d{4}$|^(?:${WEEKDAY},? )?\\d{1,2} (?:${MONTH}) \\d{4}$`,
    ),
    place: 'head',
    action: 'page-date',
    example: 'Friday, February 21, 2025',
  },
  {
    name: 'agency-credit',
    pattern: new RegExp(`^(?:${AGENCY})$`),
    place: 'tail',
    action: 'agency-credit',
    example: 'Yonhap',
  },
];

/** Rules that hold for one outlet only, chosen by the outlet hint. */
export interface OutletProfile {
  name: string;
  /** Tested against `hints.outlet`. */
  outlet: RegExp;
  rules: readonly LineRule[];
}

export const OUTLET_PROFILES: readonly OutletProfile[] = [];

/**
 * A caption ends with a bracketed or parenthesised photo credit.
 * `…posted on Ukrainian President Volodymyr Zelensky’s Telegram on Jan. 11. [YONHAP]` → caption.
 */
export const CAPTION_CREDIT = new RegExp(
  `[.!?”"]\\s*(?:\\[(?:${AGENCY}|[A-Z][A-Z .,/&-]{1,40})\\]|\\((?:Photo|Image|Picture)s?(?: by|:)[^)]{1,60}\\))$`,
);
