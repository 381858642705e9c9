import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/progress.js';

describe('progressBar (held out)', () => {
  it('clamps negative progress', () => {
    expect(progressBar(-2, 10)).toBe('[..........] 0%');
  });
  it('rounds cells', () => {
    expect(progressBar(1, 3, 6)).toBe('[##....] 33%');
  });
  it('a custom width', () => {
    expect(progressBar(1, 2, 20)).toBe(`[${'#'.repeat(10)}${'.'.repeat(10)}] 50%`);
  });
});
