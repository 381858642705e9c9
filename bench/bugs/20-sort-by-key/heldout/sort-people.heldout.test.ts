import { describe, expect, it } from 'vitest';
import { sortByAge } from '../src/sort-people.js';

describe('sortByAge (held out)', () => {
  it('mixed ages and names', () => {
    const sorted = sortByAge([
      { name: 'Cy', age: 5 },
      { name: 'Al', age: 50 },
      { name: 'Bea', age: 5 },
      { name: 'Di', age: 1 },
    ]);
    expect(sorted.map((p) => p.name)).toEqual(['Di', 'Bea', 'Cy', 'Al']);
  });
  it('already sorted input stays sorted', () => {
    const input = [{ name: 'a', age: 1 }, { name: 'b', age: 2 }, { name: 'c', age: 3 }];
    expect(sortByAge(input)).toEqual(input);
  });
});
