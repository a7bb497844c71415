import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuotes, newQuoteContext, speakerAfterQuote } from '../../src/engine/quotes.js';

describe('findQuotes', () => {
  it('reads quotes and speakers through a run of real sentences, pronouns resolved to the last speaker', () => {
    const context = newQuoteContext();
    const read = (text: string) => {
      const scan = findQuotes(text, context);
      return [scan.quotes.map((q) => q.text), scan.speaker?.key ?? null];
    };
    expect(
      read(
        'Ri told the daily that he was now “80 per cent” decided that he “plans to apply for refugee status and go to South Korea”.',
      ),
    ).toEqual([['80 per cent', 'plans to apply for refugee status and go to South Korea'], 'ri']);
    expect(
      read(
        'Commenting on the report, an official from Seoul’s Foreign Ministry said: “North Korean soldiers are constitutionally considered our nationals.”',
      ),
    ).toEqual([['North Korean soldiers are constitutionally considered our nationals.'], 'role:offici']);
    expect(
      read(
        '“Respecting individual free will regarding prisoner repatriation aligns with both international law and practice,” the unidentified official said.',
      )[1],
    ).toBe('role:offici');
    expect(
      read('Ri – visibly wounded – told Chosun that many of his fellow North Korean soldiers had been killed.')[1],
    ).toBe('ri');
    expect(read('“Everyone who joined the army with me is dead,” he said.')).toEqual([
      ['Everyone who joined the army with me is dead,'],
      'ri',
    ]);
  });

  it('takes the attribution after a quote over an earlier speech verb', () => {
    const scan = findQuotes(
      'Officials from the North’s state security ministry told troops that “pilots of the Ukrainian military’s drones are all ROK soldiers,” Ri said, adding that he engaged in combat.',
      newQuoteContext(),
    );
    expect(scan.speaker?.key).toBe('ri');
  });

  it('names a speaker by name, not title, and reads "said Jang" inversions', () => {
    expect(
      findQuotes(
        '“As North Korean soldiers are our nationals according to the Constitution, [the government] plans to hold discussions,” Foreign Ministry spokesperson Lee Jae-woong told a press briefing last month.',
        newQuoteContext(),
      ).speaker?.key,
    ).toBe('lee-jae-woong');
    expect(
      findQuotes(
        '“They pleaded with the interviewer,” said Gyeore-eol head Jang Se-yul, a North Korean defector himself.',
        newQuoteContext(),
      ).speaker?.key,
    ).toBe('jang-se-yul');
  });

  it('finds the subject past intro phrases, relative and participle clauses', () => {
    const speaker = (text: string) => findQuotes(text, newQuoteContext()).speaker?.key;
    expect(
      speaker('In Tuesday’s hearing, Ri — who was detained by the coast guard last week — said he was a fisherman.'),
    ).toBe('ri');
    expect(
      speaker('Ri, born in 1999 and served as a scout sniper in North Korea, said he belongs to the bureau.'),
    ).toBe('ri');
    expect(
      speaker('“We strongly denounce the actions,” said the ministry’s spokesperson Jeon Ha-kyu, when asked about it.'),
    ).toBe('jeon-ha-kyu');
    expect(speaker('The spokesperson said the ministry condemns the acts of the regime.')).toBe('role:spokesperson');
  });

  it('carries a quote opened in one sentence into the next', () => {
    const context = newQuoteContext();
    findQuotes('“I have made up my mind 80 percent … Above all, I will seek refuge.', context);
    const next = findQuotes('If I apply for asylum, would they take me?” Ri said, when asked about his plan.', context);
    expect(next.quotes.map((q) => q.text)).toEqual(['If I apply for asylum, would they take me?']);
    expect(next.speaker?.key).toBe('ri');
  });
});

describe('speakerAfterQuote', () => {
  // The expression it replaced (polynomial under the recheck ReDoS checker), kept here as the definition.
  const AFTER_QUOTE =
    /\uE000[\s,"“”]*(?:(?:said|says|added)\s+([^,.;:\uE000]{1,60})|(?!(?:said|says|added)\b)([^\uE000.;:"“”]{1,60}?)\s+(?:said|says|told|tells|added|adds|asked)\b)/u;
  const reference = (text: string): string | null => {
    const match = text.match(AFTER_QUOTE);
    return match === null ? null : (match[2] ?? match[1] ?? null);
  };

  it('finds the speaker named right after a quote', () => {
    expect(speakerAfterQuote('\uE000, Ri said.')).toBe('Ri');
    expect(speakerAfterQuote('\uE000 said Lee Jae-woong, the spokesperson.')).toBe('Lee Jae-woong');
    expect(speakerAfterQuote('Officials told troops that \uE000 nothing.')).toBeNull();
  });

  it('gives the answers of the expression it replaced (property)', () => {
    const piece = fc.constantFrom(
      '\uE000',
      ' ',
      '  ',
      ',',
      '"',
      '“',
      '”',
      '.',
      ':',
      ';',
      'said',
      'says',
      'added',
      'told',
      'tells',
      'adds',
      'asked',
      'saidx',
      'Ri',
      'the official',
      'Lee',
      '\u00a0',
      'x',
      ' said ',
      ', ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        expect(speakerAfterQuote(text)).toBe(reference(text));
      }),
      { seed: 20251204, numRuns: 3000 },
    );
  });
});
