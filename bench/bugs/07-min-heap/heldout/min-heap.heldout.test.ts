import { describe, expect, it } from 'vitest';
import { MinHeap } from '../src/min-heap.js';

describe('MinHeap (held out)', () => {
  it('sorts a shuffled array with duplicates', () => {
    const heap = new MinHeap();
    const input = [9, 2, 7, 2, 8, 1, 5, 5, 0, 3];
    input.forEach((v) => heap.push(v));
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop()!);
    expect(out).toEqual([...input].sort((a, b) => a - b));
  });
  it('interleaves pushes and pops', () => {
    const heap = new MinHeap();
    heap.push(4);
    heap.push(6);
    expect(heap.pop()).toBe(4);
    heap.push(1);
    expect(heap.pop()).toBe(1);
    expect(heap.pop()).toBe(6);
  });
});
