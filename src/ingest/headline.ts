// What a headline looks like, for the boilerplate stage (which marks it) and the metadata stage (which takes it).

import { INGEST } from '../config.js';

/**
 * A headline: three to thirty words, at least one of them in lower case (site names and section labels are all
 * capitalised), not ending with a full stop or a comma.
 * `Seoul says it supports North Korean POWs’ right to asylum in South` → true; `Nation & World News` → false;
 * `Japan Today` → false.
 */
export function looksLikeHeadline(text: string): boolean {
  const words = text.split(' ');
  return (
    words.length >= INGEST.minHeadlineWords &&
    words.length <= INGEST.maxHeadlineWords &&
    words.some((w) => /^\p{Ll}{2,}/u.test(w)) &&
    !/[.,;][”"’)\]]*$/u.test(text)
  );
}
