import { describe, expect, it } from 'vitest';
import { slugify } from '../src/slugify.js';

describe('slugify (held out)', () => {
  it('keeps digits', () => {
    expect(slugify('Top 10 Tips (2nd Edition)')).toBe('top-10-tips-2nd-edition');
  });
  it('trims separators at both ends', () => {
    expect(slugify('  --Hello--  ')).toBe('hello');
  });
  it('collapses runs of separators', () => {
    expect(slugify('a   &   B')).toBe('a-b');
  });
});
