import { describe, expect, it } from 'vitest';
import { slugify } from '../src/slugify.js';

describe('slugify', () => {
  it('slugs a plain title', () => {
    expect(slugify('hello world')).toBe('hello-world');
  });
  it('lower-cases', () => {
    expect(slugify('Release Notes')).toBe('release-notes');
  });
  it('returns an empty slug for punctuation only', () => {
    expect(slugify('!!!')).toBe('');
  });
  it('strips accents', () => {
    expect(slugify('Crème Brûlée: A How-To')).toBe('creme-brulee-a-how-to');
  });
});
