import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../src/ring-buffer.js';

describe('RingBuffer (held out)', () => {
  it('works normally after dequeueing from an empty buffer', () => {
    const buf = new RingBuffer<number>(2);
    buf.dequeue();
    buf.enqueue(5);
    buf.enqueue(6);
    expect(buf.size).toBe(2);
    expect(buf.dequeue()).toBe(5);
    expect(buf.dequeue()).toBe(6);
    expect(buf.dequeue()).toBeUndefined();
  });
  it('wraps around repeatedly', () => {
    const buf = new RingBuffer<number>(3);
    for (let i = 0; i < 10; i++) buf.enqueue(i);
    expect([buf.dequeue(), buf.dequeue(), buf.dequeue()]).toEqual([7, 8, 9]);
  });
});
