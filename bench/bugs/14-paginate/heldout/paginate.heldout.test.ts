import { describe, expect, it } from 'vitest';
import { paginate } from '../src/paginate.js';

describe('paginate (held out)', () => {
  it('middle page', () => {
    expect(paginate([1, 2, 3, 4, 5, 6, 7], 2, 3)).toEqual({ items: [4, 5, 6], page: 2, totalPages: 3 });
  });
  it('a page past the end is empty', () => {
    expect(paginate([1, 2], 5, 2).items).toEqual([]);
  });
  it('one item per page', () => {
    expect(paginate(['x', 'y'], 2, 1).items).toEqual(['y']);
  });
});
