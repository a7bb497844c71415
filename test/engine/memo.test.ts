import { describe, expect, it } from 'vitest';
import { wordTable } from '../../src/engine/memo.js';

describe('wordTable', () => {
  it('keeps answers until it holds `limit` words, then starts again empty', () => {
    const table = wordTable<number>(3);
    table.set('north', 1);
    table.set('korea', 2);
    table.set('soldier', 3);
    expect([table.get('north'), table.get('korea'), table.get('soldier')]).toEqual([1, 2, 3]);
    table.set('defect', 4);
    expect([table.get('north'), table.get('soldier'), table.get('defect')]).toEqual([undefined, undefined, 4]);
  });
});
