// Field checks shared by the table modules. Each failure is an InputError naming the field, so the web
// layer can show it next to the form field and the CLI can print it as is.

import { STORE } from '../config.js';
import { InputError } from '../errors.js';
import type { NewArticle } from './types.js';

/** URL keys: "nk-pow-asylum", "straits-times-afp". Lower-case letters, digits, single dashes inside. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Characters. Long enough for any real outlet or story key, short enough to stay readable in a URL. */
const MAX_SLUG_LENGTH = 80;
/** Characters. Titles and outlet names are one line of text. */
const MAX_LINE_LENGTH = 500;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function checkSlug(field: string, value: string): string {
  if (!SLUG.test(value) || value.length > MAX_SLUG_LENGTH) {
    throw new InputError(
      'bad-field',
      `${field} "${value}" is not a valid key: use lower-case letters, digits and single dashes (at most ${MAX_SLUG_LENGTH} characters), e.g. "straits-times-afp".`,
    );
  }
  return value;
}

/** A required single line of text, trimmed. */
export function checkLine(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new InputError('bad-field', `${field} is required.`);
  if (trimmed.length > MAX_LINE_LENGTH || /[\r\n]/.test(trimmed)) {
    throw new InputError('bad-field', `${field} must be a single line of at most ${MAX_LINE_LENGTH} characters.`);
  }
  return trimmed;
}

/** An optional single line: empty or missing becomes null. */
export function checkOptionalLine(field: string, value: string | null | undefined): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  return checkLine(field, value);
}

export function checkOptionalDate(field: string, value: string | null | undefined): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  const match = ISO_DATE.exec(value.trim());
  const date = match === null ? null : new Date(`${value.trim()}T00:00:00Z`);
  if (
    match === null ||
    date === null ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value.trim()
  ) {
    throw new InputError('bad-field', `${field} "${value}" is not a date in the form YYYY-MM-DD.`);
  }
  return value.trim();
}

export function checkOptionalUrl(field: string, value: string | null | undefined): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new InputError('bad-field', `${field} "${value}" is not a URL.`);
  }
  // Only web addresses: a javascript: or data: URL stored here would later be rendered as a link.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError('bad-field', `${field} must start with http:// or https://.`);
  }
  return value.trim();
}

/** Optional free text (notes, source descriptions), trimmed, with a length cap. */
export function checkOptionalText(field: string, value: string | null | undefined, maxLength: number): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  if (value.length > maxLength) throw new InputError('bad-field', `${field} is longer than ${maxLength} characters.`);
  return value.trim();
}

/** A language tag such as "en", "ko" or "pt-BR". */
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** The fields of an article an editor may set or change (all but its story and key). */
export type ArticleFields = Partial<Omit<NewArticle, 'storyId' | 'slug'>>;

/** Checks the optional fields that are present; absent stays absent, empty becomes null. */
export function checkArticleFields(fields: ArticleFields): {
  [K in keyof ArticleFields]-?: string | null | undefined;
} {
  const language = fields.language === undefined ? undefined : fields.language.trim();
  if (language !== undefined && !LANGUAGE.test(language)) {
    throw new InputError('bad-field', `Language "${fields.language}" is not a language tag such as "en" or "ko".`);
  }
  return {
    outlet: undefined,
    agency: fields.agency === undefined ? undefined : checkOptionalLine('Agency', fields.agency),
    url: fields.url === undefined ? undefined : checkOptionalUrl('URL', fields.url),
    published: fields.published === undefined ? undefined : checkOptionalDate('Publication date', fields.published),
    language,
    sourceNote:
      fields.sourceNote === undefined
        ? undefined
        : checkOptionalText('Source note', fields.sourceNote, STORE.maxSourceNoteLength),
  };
}
