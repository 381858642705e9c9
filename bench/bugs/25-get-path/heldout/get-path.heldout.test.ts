import { describe, expect, it } from 'vitest';
import { getPath } from '../src/get-path.js';

describe('getPath (held out)', () => {
  it('a null source', () => {
    expect(getPath(null, 'a')).toBeUndefined();
  });
  it('a null leaf is returned as null', () => {
    expect(getPath({ a: { b: null } }, 'a.b')).toBeNull();
  });
  it('array indices as keys', () => {
    expect(getPath({ list: [{ id: 7 }] }, 'list.0.id')).toBe(7);
  });
  it('stepping into a string', () => {
    expect(getPath({ a: 'text' }, 'a.length')).toBeUndefined();
  });
});
