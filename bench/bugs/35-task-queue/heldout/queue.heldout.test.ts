import { describe, expect, it } from 'vitest';
import { TaskQueue } from '../src/queue.js';

describe('TaskQueue (held out)', () => {
  it('interleaved enqueue and next', () => {
    const q = new TaskQueue();
    q.enqueue({ name: 'a', run: () => 1 });
    q.enqueue({ name: 'b', run: () => 2 });
    expect(q.next()?.name).toBe('a');
    q.enqueue({ name: 'c', run: () => 3 });
    expect(q.next()?.name).toBe('b');
    expect(q.next()?.name).toBe('c');
    expect(q.next()).toBeUndefined();
  });
});
