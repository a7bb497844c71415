import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/web/bounded-cache.js';
import { parseArticleRef } from '../../src/web/comparison-service.js';

describe('parseArticleRef', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['straits-times-afp', { slug: 'straits-times-afp', version: null }],
    ['straits-times-afp@2', { slug: 'straits-times-afp', version: 2 }],
  ])('reads %j', (value, expected) => {
    expect(parseArticleRef(value, 'left')).toEqual(expected);
  });

  it.each([['Straits'], ['a--b'], ['a@0'], ['a@1.5'], ['a@'], ['../etc'], [['a', 'b']]])('refuses %j', (value) => {
    expect(() => parseArticleRef(value, 'left')).toThrow(/"left"/);
  });
});

describe('BoundedCache', () => {
  it('keeps the most recently used entries', () => {
    const cache = new BoundedCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('keeps nothing with capacity 0 (development: templates re-render)', () => {
    const cache = new BoundedCache<number>(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });
});
