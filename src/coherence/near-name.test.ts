import { describe, expect, it } from 'vitest';
import { nearName } from './near-name.js';

describe('nearName', () => {
  it('finds a misspelt or renamed name within two edits', () => {
    expect(nearName('popp', ['push', 'pop'])).toBe('pop');
    expect(nearName('isEmtpy', ['isEmpty', 'size'])).toBe('isEmpty');
  });

  it('prefers a name that differs only in case', () => {
    expect(nearName('lruCache', ['LruCach', 'LRUCache'])).toBe('LRUCache');
  });

  it('suggests nothing far away, nothing for very short names, and never the name itself', () => {
    expect(nearName('peek', ['push', 'size'])).toBeUndefined();
    expect(nearName('a', ['b'])).toBeUndefined();
    expect(nearName('pop', ['pop'])).toBeUndefined();
  });
});
