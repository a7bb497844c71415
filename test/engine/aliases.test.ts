import { describe, expect, it } from 'vitest';
import { aliasesIn, findAliasedEntities, newEntityContext } from '../../src/engine/aliases.js';
import { findOtherEntities } from '../../src/engine/capitalised-names.js';
import { canonicalPhrase } from '../../src/engine/equivalences.js';
import { clearMemos } from '../../src/engine/memo.js';

const keys = (text: string, context = newEntityContext()) => findAliasedEntities(text, context).map((e) => e.key);

describe('alias table', () => {
  it('maps the names of one country to one key', () => {
    expect(keys('the Republic of Korea [ROK]')).toEqual(['south-korea', 'south-korea']);
    expect(keys('Seoul affirmed that North Korean troops had a right to asylum in the South.')).toEqual([
      'south-korea',
      'north-korea',
      'south-korea',
    ]);
    expect(keys('Neither Moscow nor Pyongyang have confirmed the deployment.')).toEqual(['russia', 'north-korea']);
  });

  it('does not read "us" as the United States, nor "the South Korean company" as "the South"', () => {
    expect(keys('would they take us?')).toEqual([]);
    expect(keys('Going forward, the South Korean company said')).toEqual(['south-korea']);
    expect(findAliasedEntities('Going forward, the South Korean company said', newEntityContext())[0]?.text).toBe(
      'South Korean',
    );
  });

  it('resolves "the daily" to the newspaper named before it', () => {
    const context = newEntityContext();
    keys('Seoul’s Chosun Ilbo newspaper published an interview.', context);
    expect(keys('Ri told the daily that he was now decided.', context)).toEqual(['chosun-ilbo']);
    expect(keys('Ri told the daily that he was now decided.', newEntityContext())).toEqual([]);
  });

  it('reads each text on its own in aliasesIn: a newspaper named in one is not "the daily" of the next', () => {
    clearMemos();
    expect(aliasesIn('Seoul’s Chosun Ilbo newspaper published an interview.').map((e) => e.key)).toEqual([
      'south-korea',
      'chosun-ilbo',
    ]);
    expect(aliasesIn('Ri told the daily that he was now decided.')).toEqual([]);
    clearMemos();
  });

  it('finds other names, keeps spelling variants of one person together', () => {
    expect(keys('Volodymyr Zelensky’s Telegram')).toEqual(['zelensky']);
    expect(keys('President Zelenskyy said')).toEqual(['zelensky']);
    const text = 'Ri said he belongs to the Reconnaissance General Bureau, the North’s intelligence agency.';
    const aliased = findAliasedEntities(text, newEntityContext());
    expect(findOtherEntities(text, aliased).map((e) => e.label)).toEqual(['Ri', 'Reconnaissance General Bureau']);
    const western =
      'the frontline, where Western intelligence says Pyongyang sent troops under Seoul’s Foreign Ministry';
    expect(findOtherEntities(western, findAliasedEntities(western, newEntityContext())).map((e) => e.label)).toEqual([
      'Foreign Ministry',
    ]);
  });

  it('gives equivalent phrases one canonical form', () => {
    expect(canonicalPhrase('80 per cent')).toBe(canonicalPhrase('80 percent'));
    expect(canonicalPhrase('80%')).toBe(canonicalPhrase('80 percent'));
    expect(canonicalPhrase('the ROK')).toBe(canonicalPhrase('the Republic of Korea'));
  });
});
