import { describe, expect, it } from 'vitest';
import { uniqueWords } from '../src/unique.js';

describe('uniqueWords (held out)', () => {
  it('trims surrounding whitespace', () => {
    expect(uniqueWords(['  Go ', 'go'])).toEqual(['Go']);
  });
  it('keeps mixed case words that are distinct', () => {
    expect(uniqueWords(['TypeScript', 'JavaScript', 'typescript'])).toEqual(['TypeScript', 'JavaScript']);
  });
});
