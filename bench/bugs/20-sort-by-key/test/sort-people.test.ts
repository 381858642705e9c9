import { describe, expect, it } from 'vitest';
import { sortByAge } from '../src/sort-people.js';

describe('sortByAge', () => {
  it('puts the youngest first', () => {
    const sorted = sortByAge([{ name: 'Ola', age: 40 }, { name: 'Bo', age: 12 }]);
    expect(sorted.map((p) => p.name)).toEqual(['Bo', 'Ola']);
  });
  it('orders equal ages by name', () => {
    const sorted = sortByAge([{ name: 'Zed', age: 30 }, { name: 'Amy', age: 30 }]);
    expect(sorted.map((p) => p.name)).toEqual(['Amy', 'Zed']);
  });
  it('handles an empty roster', () => {
    expect(sortByAge([])).toEqual([]);
  });
  it('does not modify the input', () => {
    const input = [{ name: 'B', age: 2 }, { name: 'A', age: 1 }];
    sortByAge(input);
    expect(input[0]!.name).toBe('B');
  });
});
