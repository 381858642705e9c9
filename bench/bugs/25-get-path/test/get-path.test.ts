import { describe, expect, it } from 'vitest';
import { getPath } from '../src/get-path.js';

const doc = { user: { name: 'Ada', address: { city: 'London' }, manager: null } };

describe('getPath', () => {
  it('reads a nested value', () => {
    expect(getPath(doc, 'user.address.city')).toBe('London');
  });
  it('returns the source for an empty path', () => {
    expect(getPath(doc, '')).toBe(doc);
  });
  it('returns undefined for a missing key', () => {
    expect(getPath(doc, 'user.phone')).toBeUndefined();
  });
  it('returns undefined when a step is null', () => {
    expect(getPath(doc, 'user.manager.name')).toBeUndefined();
  });
  it('returns undefined below a missing step', () => {
    expect(getPath(doc, 'user.phone.number')).toBeUndefined();
  });
});
