import { describe, expect, it } from 'vitest';
import { INGEST } from '../../src/config.js';
import { InputError } from '../../src/errors.js';
import { INGEST_VERSION, ingestArticle } from '../../src/ingest/index.js';
import type { Article } from '../../src/types.js';
import { fixture, STRAITS_TIMES, YONHAP } from './helpers.js';

/** The contract's invariants: spans rebuild the text with only white space between them. */
function expectSpansRebuildText(article: Article): void {
  let cursor = 0;
  for (const [i, s] of article.sentences.entries()) {
    expect(s.index).toBe(i);
    expect(article.text.slice(s.start, s.end)).toBe(s.text);
    expect(article.text.slice(cursor, s.start).trim()).toBe('');
    cursor = s.end;
  }
  expect(article.sentences[0]?.start).toBe(0);
  expect(article.sentences.at(-1)?.end).toBe(article.text.length);
  const paragraphs = article.text.split('\n\n');
  expect(new Set(article.sentences.map((s) => s.paragraph)).size).toBe(paragraphs.length);
}

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('the Straits Times seed', () => {
  const article = ingestArticle({ raw: STRAITS_TIMES });

  it('gives every real sentence of the article, the two broken ones re-joined, and nothing else', () => {
    expect(article.sentences.map((s) => (s.role === 'body' ? s.text : `[${s.role}] ${s.text}`))).toEqual([
      '[caption] An official from Seoul’s Foreign Ministry said North Korean soldiers are "constitutionally considered our nationals".',
      'Seoul affirmed on Feb 19 that North Korean troops had a right to South Korean citizenship, after a newspaper released an interview with a captured soldier held in Ukraine who said he plans to seek asylum in the South.',
      'Seoul’s Chosun Ilbo newspaper published an interview with a North Korean soldier on Feb 19 describing “brutal” fighting on the frontline, where Western intelligence says Pyongyang sent thousands of troops.',
      'The soldier, who the newspaper called Ri, remains in Ukrainian custody and the interview was conducted from solitary cells in a detention facility at an undisclosed location.',
      'A journalist on Chosun’s international desk told AFP on Feb 19 the interview had been arranged through the Ukrainian authorities but could not comment on whether the prisoner had been coerced.',
      'Ri told the daily that he was now “80 per cent” decided that he “plans to apply for refugee status and go to South Korea”.',
      'Commenting on the report, an official from Seoul’s Foreign Ministry said: “North Korean soldiers are constitutionally considered our nationals.”',
      '“Respecting individual free will regarding prisoner repatriation aligns with both international law and practice,” the unidentified official said.',
      '“Individuals should not be repatriated to places where they may face persecution against their will,” the official said, adding that Seoul “will provide the necessary protection and support”.',
      'South Korean and Western intelligence agencies have said that more than 10,000 soldiers from the reclusive state were sent to Russia in 2024 to help it fight back against a shock Ukrainian offensive into the Kursk border region.',
      'Ri – visibly wounded – told Chosun that many of his fellow North Korean soldiers had been killed by drones and artillery fire.',
      '“Everyone who joined the army with me is dead,” he said.',
      '“When I finally entered the battle, it was truly brutal... I had never seen people die before,” Ri told the daily.',
      'Asked whether North Korean soldiers had received orders to kill themselves instead of being captured as Western intelligence had reported, Ri said: “In our People’s Army, being captured is akin to desertion.”',
      '“Some committed suicide to avoid capture,” he said.',
      '“I may have killed myself if I had a grenade with me.”',
      'The interview also featured a rifleman named Baek.',
      'Both soldiers said they were deployed to Russia’s Kursk region in 2024.',
      'Neither Moscow nor Pyongyang have confirmed the deployment.',
      'Seoul estimated last week that North Korea has given Moscow “some 11,000 troops, missiles, 200 pieces of long-range artillery and a substantial amount of ammunition” to aid in its fight against Ukraine.',
      'In January, Ukraine said investigators were questioning two wounded North Korean soldiers after they were captured in Kursk, saying they provided “indisputable evidence” that North Koreans were fighting for Moscow.',
      'AFP has sought interviews with the captured soldiers but Ukrainian authorities holding them have not replied.',
    ]);
  });

  it('keeps the contract’s span invariants', () => {
    expectSpansRebuildText(article);
  });

  it('derives a stable id from the clean text, version 1 and English when no hints are given', () => {
    expect(article.id).toMatch(/^sha256:[0-9a-f]{12}$/);
    expect(ingestArticle({ raw: STRAITS_TIMES }).id).toBe(article.id);
    expect([article.version, article.language, article.outlet]).toEqual([1, 'en', null]);
  });
});

describe('the Yonhap seed', () => {
  const article = ingestArticle({ raw: YONHAP });
  it('has 16 sentences: 15 body and the caption', () => {
    expect(article.sentences.filter((s) => s.role === 'body')).toHaveLength(15);
    expect(article.sentences.filter((s) => s.role === 'caption')).toHaveLength(1);
    expectSpansRebuildText(article);
  });
  it('reads the same from bytes as from a string, and from CRLF as from LF', () => {
    expect(ingestArticle({ raw: new TextEncoder().encode(YONHAP) })).toEqual(article);
    expect(ingestArticle({ raw: YONHAP.replace(/\n/g, '\r\n') })).toEqual(article);
  });
});

describe('hints', () => {
  it('are authoritative when given', () => {
    const article = ingestArticle({
      raw: YONHAP,
      hints: {
        id: 'nk-pow-asylum/yonhap-koreadaily',
        outlet: 'Yonhap (via a Los Angeles Korean-community news site)',
        agency: 'Yonhap',
        published: '2025-02-20',
        language: 'en',
        version: 3,
        title: 'A title from the hints',
      },
    });
    expect(article).toMatchObject({
      id: 'nk-pow-asylum/yonhap-koreadaily',
      outlet: 'Yonhap (via a Los Angeles Korean-community news site)',
      published: '2025-02-20',
      version: 3,
      title: 'A title from the hints',
    });
  });
  it('contentType text/plain keeps a leading < as text', () => {
    const article = ingestArticle({ raw: '<3 The council met on Monday.', hints: { contentType: 'text/plain' } });
    expect(article.text).toBe('<3 The council met on Monday.');
  });
});

describe('short input', () => {
  it('reads a single line without a full stop as one sentence, not as a headline with no article', () => {
    const article = ingestArticle({ raw: 'The council met on Monday' });
    expect([article.title, article.sentences.map((s) => s.text)]).toEqual(['', ['The council met on Monday']]);
  });
});

describe('HTML input', () => {
  const article = ingestArticle({ raw: fixture('article.html') });
  it('extracts the article with Readability and takes title, date and site name from the page', () => {
    expect([article.title, article.published, article.outlet]).toEqual([
      'Library adds late opening hours',
      '2025-03-04',
      'Town Gazette',
    ]);
    expect(article.text).not.toContain('window.tracker');
    expect(article.text).not.toContain('Home');
    expectSpansRebuildText(article);
  });
  it('gives the figcaption the caption role', () => {
    expect(article.sentences.filter((s) => s.role === 'caption').map((s) => s.text)).toEqual([
      'Readers in the main hall on March 1. (Photo: Town Gazette)',
    ]);
  });
  it('reads an HTML fragment pasted without html or body tags', () => {
    expect(ingestArticle({ raw: '<p>The council met on Monday.</p>' }).sentences.map((s) => s.text)).toEqual([
      'The council met on Monday.',
    ]);
  });
  it('refuses a page with no article text', () => {
    const error = inputError(() => ingestArticle({ raw: '<html><body><nav>Home</nav></body></html>' }));
    expect(error.code).toBe('no-article-text');
  });
});

describe('bad input', () => {
  it.each([
    ['empty', '', 'empty'],
    ['white space only', ' \n\t\u00a0 ', 'empty'],
    ['NUL bytes', 'abc\u0000def', 'binary'],
    ['control characters', '\u0001\u0002\u0003\u0004 text', 'binary'],
    ['an unpaired surrogate', 'text \ud800 text', 'invalid-utf8'],
    ['no word at all', '*** --- ***', 'no-sentences'],
    ['only boilerplate', 'PHOTO: AFP\n\nFollow topic:', 'no-article-text'],
  ])('%s → %s', (_name, raw, code) => {
    expect(inputError(() => ingestArticle({ raw })).code).toBe(code);
  });

  it('refuses invalid UTF-8 bytes and binary bytes', () => {
    expect(inputError(() => ingestArticle({ raw: new Uint8Array([0x41, 0xff, 0xfe, 0x42]) })).code).toBe(
      'invalid-utf8',
    );
    expect(inputError(() => ingestArticle({ raw: new Uint8Array([0x41, 0x00, 0x42]) })).code).toBe('binary');
  });

  it('names UTF-16 text for what it is', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]);
    const error = inputError(() => ingestArticle({ raw: utf16 }));
    expect([error.code, error.message]).toEqual([
      'invalid-utf8',
      'The input is UTF-16 text; save it as UTF-8 and try again.',
    ]);
  });

  it('refuses input over the size limit before any work, as bytes and as a string', () => {
    const big = 'a'.repeat(INGEST.maxInputBytes + 1);
    expect(inputError(() => ingestArticle({ raw: big })).code).toBe('too-large');
    expect(inputError(() => ingestArticle({ raw: new TextEncoder().encode(big) })).code).toBe('too-large');
    expect(inputError(() => ingestArticle({ raw: big })).message).toContain('2 MB');
  });

  it('refuses an article with more sentences than the limit', () => {
    const raw = 'One sentence here. '.repeat(INGEST.maxSentences + 1);
    expect(inputError(() => ingestArticle({ raw })).code).toBe('too-large');
  });
});

describe('INGEST_VERSION', () => {
  it('is a non-empty string for cache keys', () => {
    expect(INGEST_VERSION).toMatch(/^\S+$/);
  });
});
