import { describe, expect, it } from 'vitest';
import { MinHeap } from '../src/min-heap.js';

function drain(heap: MinHeap): number[] {
  const out: number[] = [];
  for (let v = heap.pop(); v !== undefined; v = heap.pop()) out.push(v);
  return out;
}

describe('MinHeap', () => {
  it('pops undefined when empty', () => {
    expect(new MinHeap().pop()).toBeUndefined();
  });
  it('tracks its size', () => {
    const heap = new MinHeap();
    heap.push(3);
    heap.push(1);
    expect(heap.size).toBe(2);
  });
  it('pops ascending values pushed in ascending order', () => {
    const heap = new MinHeap();
    [1, 2, 3].forEach((v) => heap.push(v));
    expect(drain(heap)).toEqual([1, 2, 3]);
  });
  it('pops the smallest first after descending pushes', () => {
    const heap = new MinHeap();
    [5, 4, 3, 2, 1].forEach((v) => heap.push(v));
    expect(drain(heap)).toEqual([1, 2, 3, 4, 5]);
  });
});
