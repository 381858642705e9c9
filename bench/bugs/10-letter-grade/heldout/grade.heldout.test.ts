import { describe, expect, it } from 'vitest';
import { letterGrade } from '../src/grade.js';

describe('letterGrade (held out)', () => {
  it('every lower bound', () => {
    expect([90, 70, 60].map(letterGrade)).toEqual(['A', 'C', 'D']);
  });
  it('just below a bound', () => {
    expect(letterGrade(59.9)).toBe('F');
    expect(letterGrade(89)).toBe('B');
  });
  it('extremes', () => {
    expect(letterGrade(100)).toBe('A');
    expect(letterGrade(0)).toBe('F');
    expect(() => letterGrade(-1)).toThrow(RangeError);
  });
});
