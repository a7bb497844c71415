// The engine's only door to `natural`. Its package root loads databases and dotenv (prints to stdout,
// reads ./.env, ~1 s), so only side-effect-free subfolders are imported here, and nothing else in the
// project imports natural.
import distance from 'natural/lib/natural/distance/index.js';
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import stopwordsModule from 'natural/lib/natural/util/stopwords.js';
import { WordTable } from './memo.js';

/**
 * natural's English stop words minus the words that carry meaning for a comparison: negations and
 * quantity words ("never", "more", "some", "only") stay as features, so "never knew" ≠ "knew".
 */
const KEPT_WORDS = new Set(['never', 'more', 'most', 'some', 'only', 'few', 'cannot', 'against', 'before', 'after']);
const EXTRA_STOPWORDS = ['also', 'its', 'the', 'whether', 'would', 'will', 'may', 'however', 'told', 'says', 'say'];

export const STOPWORDS: ReadonlySet<string> = new Set([
  ...stopwordsModule.words.filter((word) => !KEPT_WORDS.has(word) && /^\p{L}+$/u.test(word)),
  ...EXTRA_STOPWORDS,
]);

const stemCache = new WordTable<string>();

/** Porter stem of a lower-case word, memoised: refugees → refuge, repatriated → repatri. */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    // Porter knows only ASCII; a name such as "eugénie" or a Korean word stays whole.
    stemmed = /^[a-z]+$/.test(word) ? porterStemmer.stem(word) : word;
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Jaro-Winkler similarity of two names in [0, 1], ignoring case: Zelensky / Zelenskyy → 0.978. */
export function nameSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return a === b ? 1 : 0;
  return distance.JaroWinklerDistance(a, b, { ignoreCase: true });
}

function nameTokens(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/**
 * Whether two written names are one person: one name's words are all in the other ("Jang" / "Jang Se-yul",
 * "Nuñez" / "Laurent Nunez"), or the two are near-identical spellings ("Jeon Ha-gyu" / "Jeon Ha-kyu").
 */
export function sameName(a: string, b: string, threshold: number): boolean {
  const aTokens = nameTokens(a);
  const bTokens = nameTokens(b);
  if (aTokens.length === 0 || bTokens.length === 0) return false;
  const [short, long] = aTokens.length <= bTokens.length ? [aTokens, bTokens] : [bTokens, aTokens];
  if (short.every((token) => long.includes(token))) return true;
  return nameSimilarity(aTokens.join(' '), bTokens.join(' ')) >= threshold;
}
