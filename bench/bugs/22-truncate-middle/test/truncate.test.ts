import { describe, expect, it } from 'vitest';
import { truncateMiddle } from '../src/truncate.js';

describe('truncateMiddle', () => {
  it('leaves short text alone', () => {
    expect(truncateMiddle('short', 10)).toBe('short');
  });
  it('cuts the middle of long text', () => {
    expect(truncateMiddle('abcdefghij', 7)).toBe('abc…hij');
  });
  it('keeps more of the head on uneven splits', () => {
    expect(truncateMiddle('abcdefghij', 6)).toBe('abc…ij');
  });
  it('rejects a zero max', () => {
    expect(() => truncateMiddle('abc', 0)).toThrow(RangeError);
  });
});
