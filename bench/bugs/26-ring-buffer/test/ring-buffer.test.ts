import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../src/ring-buffer.js';

describe('RingBuffer', () => {
  it('is first in, first out', () => {
    const buf = new RingBuffer<number>(3);
    buf.enqueue(1);
    buf.enqueue(2);
    expect(buf.dequeue()).toBe(1);
    expect(buf.dequeue()).toBe(2);
  });
  it('overwrites the oldest element when full', () => {
    const buf = new RingBuffer<string>(2);
    ['a', 'b', 'c'].forEach((x) => buf.enqueue(x));
    expect(buf.dequeue()).toBe('b');
  });
  it('dequeueing an empty buffer leaves its size at zero', () => {
    const buf = new RingBuffer<number>(2);
    expect(buf.dequeue()).toBeUndefined();
    expect(buf.size).toBe(0);
  });
  it('rejects a zero capacity', () => {
    expect(() => new RingBuffer<number>(0)).toThrow(RangeError);
  });
});
