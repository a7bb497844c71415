import { describe, expect, it } from 'vitest';
import { clearMemos, memoize, WordTable } from '../../src/engine/memo.js';

describe('WordTable', () => {
  it('keeps answers until it holds `limit` words, then starts again empty', () => {
    const table = new WordTable<number>(3);
    table.set('north', 1);
    table.set('korea', 2);
    table.set('soldier', 3);
    expect([table.get('north'), table.get('korea'), table.get('soldier')]).toEqual([1, 2, 3]);
    table.set('defect', 4);
    expect([table.get('north'), table.get('soldier'), table.get('defect')]).toEqual([undefined, undefined, 4]);
  });
});

describe('memoize', () => {
  it('computes each text once until the memos are cleared, null answers included', () => {
    const asked: string[] = [];
    const firstCapital = memoize((text: string): string | null => {
      asked.push(text);
      return /\p{Lu}/u.exec(text)?.[0] ?? null;
    });
    clearMemos();
    expect([
      firstCapital('the South'),
      firstCapital('the South'),
      firstCapital('no capital'),
      firstCapital('no capital'),
    ]).toEqual(['S', 'S', null, null]);
    expect(asked).toEqual(['the South', 'no capital']);
    clearMemos();
    firstCapital('the South');
    expect(asked).toEqual(['the South', 'no capital', 'the South']);
    // @ts-expect-error: an answer of undefined would read as "not seen yet" and be computed every time.
    memoize((text: string) => (text === '' ? undefined : text));
  });
});
