// Stage 0: turn the raw input (a string or bytes) into a string, refusing what is not text.
// Refusing early keeps every later stage free of size and encoding checks.

import { INGEST } from '../config.js';
import { InputError } from '../errors.js';

const NUL = '\u0000';

/** A lone UTF-16 surrogate cannot be encoded as UTF-8: the string did not come from valid text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * C0 control characters other than tab, line feed, form feed and carriage return. Text files hold a few at
 * most (a stray form feed or escape); binary data is full of them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0001-\u0008\u000E-\u001F\u007F]/g;

/** Decodes and checks raw input. Throws InputError for empty, binary, invalid UTF-8 or oversized input. */
export function decodeInput(raw: string | Uint8Array): string {
  const text = typeof raw === 'string' ? checkString(raw) : decodeBytes(raw);
  if (text.includes(NUL) || looksBinary(text)) {
    throw new InputError('binary', 'The input looks like binary data (NUL or control bytes), not text or HTML.');
  }
  if (text.trim() === '') {
    throw new InputError('empty', 'The input is empty or holds only white space.');
  }
  return text;
}

function checkString(raw: string): string {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: the cheap bound avoids measuring most inputs.
  if (raw.length * 3 > INGEST.maxInputBytes && Buffer.byteLength(raw, 'utf8') > INGEST.maxInputBytes) {
    throw tooLarge(Buffer.byteLength(raw, 'utf8'));
  }
  if (LONE_SURROGATE.test(raw)) {
    throw new InputError('invalid-utf8', 'The input contains an unpaired surrogate, so it is not valid Unicode text.');
  }
  return raw;
}

function decodeBytes(raw: Uint8Array): string {
  if (raw.byteLength > INGEST.maxInputBytes) throw tooLarge(raw.byteLength);
  // A UTF-16 byte-order mark: Windows editors save "Unicode" text this way, and its NUL bytes would read as binary.
  if ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff)) {
    throw new InputError('invalid-utf8', 'The input is UTF-16 text; save it as UTF-8 and try again.');
  }
  if (raw.includes(0)) {
    throw new InputError('binary', 'The input contains NUL bytes: it is binary data, not text or HTML.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(raw);
  } catch {
    throw new InputError('invalid-utf8', 'The input is not valid UTF-8 text; save it as UTF-8 and try again.');
  }
}

function looksBinary(text: string): boolean {
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls > 0 && controls / text.length > INGEST.maxControlCharShare;
}

function tooLarge(bytes: number): InputError {
  const limit = INGEST.maxInputBytes;
  return new InputError(
    'too-large',
    `The input is ${bytes} bytes; the limit is ${limit} bytes (${limit / 1048576} MB).`,
  );
}
