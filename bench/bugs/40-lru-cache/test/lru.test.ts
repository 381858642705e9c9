import { describe, expect, it } from 'vitest';
import { LruCache } from '../src/lru.js';

describe('LruCache', () => {
  it('stores and reads values', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
  });
  it('evicts the least recently used key', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.keys()).toEqual(['a', 'c']);
  });
  it('overwriting a key makes it the most recently used', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(10);
    expect(cache.get('b')).toBeUndefined();
  });
  it('misses unknown keys', () => {
    expect(new LruCache<string, number>(1).get('x')).toBeUndefined();
  });
});
