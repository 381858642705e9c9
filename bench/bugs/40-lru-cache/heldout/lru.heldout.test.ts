import { describe, expect, it } from 'vitest';
import { LruCache } from '../src/lru.js';

describe('LruCache (held out)', () => {
  it('overwriting keeps the size', () => {
    const cache = new LruCache<number, string>(3);
    cache.set(1, 'a');
    cache.set(1, 'b');
    expect(cache.size).toBe(1);
    expect(cache.get(1)).toBe('b');
  });
  it('recency order after overwrites', () => {
    const cache = new LruCache<number, number>(3);
    [1, 2, 3].forEach((k) => cache.set(k, k));
    cache.set(1, 11);
    cache.set(2, 22);
    expect(cache.keys()).toEqual([3, 1, 2]);
  });
  it('capacity one', () => {
    const cache = new LruCache<string, number>(1);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.keys()).toEqual(['b']);
  });
});
