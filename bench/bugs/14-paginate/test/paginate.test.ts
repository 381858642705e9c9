import { describe, expect, it } from 'vitest';
import { paginate } from '../src/paginate.js';

const letters = ['a', 'b', 'c', 'd', 'e'];

describe('paginate', () => {
  it('returns the first page', () => {
    expect(paginate(letters, 1, 2).items).toEqual(['a', 'b']);
  });
  it('returns the last, partial page', () => {
    expect(paginate(letters, 3, 2).items).toEqual(['e']);
  });
  it('counts pages', () => {
    expect(paginate(letters, 1, 2).totalPages).toBe(3);
  });
  it('an empty list has one page', () => {
    expect(paginate([], 1, 10).totalPages).toBe(1);
  });
  it('rejects page 0', () => {
    expect(() => paginate(letters, 0, 2)).toThrow(RangeError);
  });
});
