// The fingerprint that decides "identical to the latest version": SHA-256 of the normalised text, so a
// re-upload that differs only in invisible ways (CRLF line endings, trailing spaces, a BOM, NFD accents)
// is refused as a duplicate, while any visible change is a new version.
// "Seoul  says\r\n" and "Seoul says\n" → the same fingerprint.

import { decodeInput } from '../ingest/decode.js';
import { normalizeText } from '../ingest/normalize.js';
import type { ContentType } from '../types.js';
import { sha256Hex } from './versions.js';

/**
 * SHA-256 (hex) of `normalizeText` of the decoded raw input: the `normalizedSha256` of a NewVersion.
 * Throws InputError ('empty', 'binary', 'invalid-utf8', 'too-large') for input that is not text.
 * HTML is fingerprinted as normalised source text, so a re-saved page with changed markup is a new version.
 */
export function normalizedSha256(raw: Uint8Array, _contentType: ContentType): string {
  return sha256Hex(normalizeText(decodeInput(raw)));
}
