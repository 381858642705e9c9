import { describe, expect, it } from 'vitest';
import { letterGrade } from '../src/grade.js';

describe('letterGrade', () => {
  it('gives an A for 95', () => {
    expect(letterGrade(95)).toBe('A');
  });
  it('gives an F for 12', () => {
    expect(letterGrade(12)).toBe('F');
  });
  it('a band includes its lower bound', () => {
    expect(letterGrade(80)).toBe('B');
  });
  it('rejects scores above 100', () => {
    expect(() => letterGrade(101)).toThrow(RangeError);
  });
  it('gives a C for 75', () => {
    expect(letterGrade(75)).toBe('C');
  });
});
