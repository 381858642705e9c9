import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/progress.js';

describe('progressBar', () => {
  it('renders a partial bar', () => {
    expect(progressBar(3, 10)).toBe('[###.......] 30%');
  });
  it('renders an empty bar', () => {
    expect(progressBar(0, 4)).toBe('[..........] 0%');
  });
  it('renders a full bar', () => {
    expect(progressBar(4, 4)).toBe('[##########] 100%');
  });
  it('clamps overshoot', () => {
    expect(progressBar(15, 10)).toBe('[##########] 100%');
  });
  it('a zero total counts as done', () => {
    expect(progressBar(0, 0, 4)).toBe('[####] 100%');
  });
});
