import { describe, expect, it } from 'vitest';
import { formatChange, percentChange } from '../src/percent.js';

describe('percentChange (held out)', () => {
  it('rounds to one decimal', () => {
    expect(percentChange(3, 4)).toBe(33.3);
  });
  it('a negative base', () => {
    expect(percentChange(-50, -25)).toBe(50);
  });
  it('formats decreases', () => {
    expect(formatChange(200, 193)).toBe('-3.5%');
    expect(formatChange(7, 7)).toBe('0.0%');
  });
});
