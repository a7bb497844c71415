import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastClosingMark, segmentParagraphs } from '../../src/ingest/segment.js';
import { sentenceEnds } from '../../src/ingest/sentence-break.js';
import { STRAITS_TIMES, YONHAP } from './helpers.js';

const split = (text: string, role: 'body' | 'caption' = 'body') =>
  segmentParagraphs([{ text, role }], 'en').map((s) => s.text);

describe('segmentParagraphs: hard real cases', () => {
  it.each([
    // Abbreviations and dates.
    ['seen on Telegram on Jan. 11. It marked the first time.', 2],
    ['Mr. Kim met Dr. Lee at St. Paul on Feb. 3 in the U.S. and No. 3 won.', 1],
    ['The U.S. Army said so. The U.S. The end.', 3],
    ['He left in Jan. The army followed.', 2],
    ['see J. R. R. Tolkien in Jan. at the arena. wear warm socks.', 1],
    ['The plan came from Gen. Park and Lt. Col. Cho.', 1],
    ['It was launched at around 5:30 a.m. toward the East Sea. The JCS said it failed.', 2],
    ['(N.K.) soldier captured by Ukraine, N.K. officials said.', 1],
    // Numbers.
    ['58.8 F in Los Angeles. Sunny.', 2],
    ['North Korea sent around 11,000 troops. Some 200 pieces of artillery followed.', 2],
    ['($1 = 1,430.3000 won)', 1],
    // Quotations with their own full stops, ellipses and question marks.
    [
      '“When I finally entered the battle, it was truly brutal... I had never seen people die before,” Ri told the daily.',
      1,
    ],
    [
      '“I have made up my mind 80 percent … Above all, I will seek refuge and am thinking about going to the Republic of Korea [ROK]. If I apply for asylum, would they take me?” Ri said, when asked about his plan for the future.',
      1,
    ],
    ['“Some committed suicide to avoid capture,” he said. “I may have killed myself if I had a grenade with me.”', 2],
    ['“First, I plan to apply for refugee status,” he said. “If I apply, will they accept me?”', 2],
    ['"It is striking that the captive ... insists that he came for training," the agency said.', 1],
    // Sentences glued by a scraper.
    ['according to the military.In a message sent to reporters, the JCS said so.', 2],
    ['including the type of missile fired and its trajectory.A military source said so.', 2],
    ['near the border at 5:32 a.m.This marks the first launch in a month.', 2],
    ['that services its army.“Our soldiers have captured two soldiers,” he said.', 2],
    ['The U.S.Army said so.', 1],
    // Brackets and credits.
    ['The photo was posted on Jan. 11. [YONHAP]', 1],
    ['The photo was posted on Jan. 11, 2025. (PHOTO NOT FOR SALE) (Yonhap)', 1],
  ])('%s → %i', (text, count) => {
    expect(split(text)).toHaveLength(count);
  });

  it('keeps the Yonhap seed’s question and its attribution together', () => {
    expect(split('“If I apply for asylum, would they take me?” Ri said, when asked about his plan.')).toEqual([
      '“If I apply for asylum, would they take me?” Ri said, when asked about his plan.',
    ]);
  });

  it('splits a long quotation at its own sentence ends', () => {
    const sentence =
      'We will keep working on the bridge until every beam has been replaced and tested by the inspectors. ';
    const quote = `“${sentence.repeat(6).trim()}” the engineer said.`;
    expect(split(quote).length).toBeGreaterThan(1);
  });

  it('keeps a caption’s credit with its last sentence, but not a body paragraph’s last words', () => {
    expect(split('A contrail is visible in the sky over the island. Yonhap', 'caption')).toHaveLength(1);
    expect(split('A contrail is visible in the sky. The museum was closed for the day')).toHaveLength(2);
  });
});

describe('long paragraphs (the segmenter reads them in windows)', () => {
  it('keeps a sentence whole across a window edge that falls mid-sentence', () => {
    expect(split(`${'word '.repeat(1500)}end.`)).toHaveLength(1);
  });
  it('finds every sentence of a paragraph far longer than a window', () => {
    const sentences = split('Tom said so. Mr. Lee agreed. '.repeat(400).trim());
    expect(sentences).toHaveLength(800);
    expect(sentences[1]).toBe('Mr. Lee agreed.');
  });
});

describe('offsets', () => {
  it('point into the paragraphs joined by a blank line, and sentences keep their paragraph index', () => {
    const paragraphs = [
      { text: 'One. Two.', role: 'body' as const },
      { text: 'Three.', role: 'caption' as const },
    ];
    const text = paragraphs.map((p) => p.text).join('\n\n');
    const sentences = segmentParagraphs(paragraphs, 'en');
    expect(sentences.map((s) => [s.text, s.paragraph, s.role, text.slice(s.start, s.end)])).toEqual([
      ['One.', 0, 'body', 'One.'],
      ['Two.', 0, 'body', 'Two.'],
      ['Three.', 1, 'caption', 'Three.'],
    ]);
  });

  it('falls back to English rules for a language tag the segmenter does not know', () => {
    expect(segmentParagraphs([{ text: 'One. Two.', role: 'body' }], 'not a tag!')).toHaveLength(2);
  });
});

describe('sentenceEnds: the UAX #29 rules in place of Intl.Segmenter', () => {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const segmenterEnds = (text: string): number[] =>
    Array.from(segmenter.segment(text), ({ segment, index }) => index + segment.length);

  it('finds the segmenter’s boundaries (property, random text rich in terminators, closers and spaces)', () => {
    // Every class the rules tell apart: ATerm, STerm, Close (straight and curly quotes, brackets), Sp, SContinue
    // (, - : ; en and em dashes), Numeric, Upper, Lower (ASCII and Latin-1), and characters of none (… # /).
    const characters = fc.constantFrom(...'aAzZéÉßÀ09 .!?"\'()[]{},-:;‘’“”–—…#/'.split(''));
    fc.assert(
      fc.property(fc.array(characters, { minLength: 1, maxLength: 24, size: 'max' }), (chars) => {
        const text = chars.join('');
        expect(sentenceEnds(text)).toEqual(segmenterEnds(text));
      }),
      { seed: 20251124, numRuns: 50_000 },
    );
  });

  it('finds the segmenter’s boundaries after every character it knows, in the contexts of SB6 to SB8a', () => {
    const known: string[] = [];
    for (let code = 0; code < 0x3000; code++) {
      const c = String.fromCharCode(code);
      if (sentenceEnds(c) !== null) known.push(c);
    }
    expect(known.length).toBeGreaterThan(150);
    for (const c of known) {
      for (const template of ['a.X', 'A.X', 'a. X', 'a. Xb', 'a.)X', 'a.) Xz', 'a?X', 'a? X.', 'X.z', 'z.X. b']) {
        const text = template.replaceAll('X', c);
        expect([text, sentenceEnds(text)]).toEqual([text, segmenterEnds(text)]);
      }
    }
  });

  it('finds the segmenter’s boundaries in the seed’s lines, one by one and run together', () => {
    const lines = [STRAITS_TIMES, YONHAP].flatMap((raw) => raw.split('\n')).filter((line) => line.trim() !== '');
    const texts = [...lines, lines.join(' ')];
    const known = texts.filter((text) => sentenceEnds(text) !== null);
    expect(known.length).toBeGreaterThan(texts.length * 0.9);
    for (const text of known) expect(sentenceEnds(text)).toEqual(segmenterEnds(text));
  });

  it('gives up on characters whose class it does not know', () => {
    for (const text of ['One.\nTwo.', 'Tab\there.', 'No\u00a0break.', 'Soft\u00adhyphen.', 'Ideographic\u3002Stop']) {
      expect(sentenceEnds(text)).toBeNull();
    }
  });
});

describe('lastClosingMark', () => {
  it('is the last curly or straight closing quote (property)', () => {
    const characters = fc.constantFrom(...'a ”“"\'.'.split(''));
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 16, size: 'max' }), (chars) => {
        const text = chars.join('');
        expect(lastClosingMark(text)).toBe(Math.max(text.lastIndexOf('”'), text.lastIndexOf('"')));
      }),
      { seed: 20251124, numRuns: 20_000 },
    );
  });
});
