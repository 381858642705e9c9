import { describe, expect, it } from 'vitest';
import { TaskQueue } from '../src/queue.js';

const task = (name: string, value: number) => ({ name, run: () => value });

describe('TaskQueue', () => {
  it('starts empty', () => {
    expect(new TaskQueue().next()).toBeUndefined();
  });
  it('counts queued tasks', () => {
    const q = new TaskQueue();
    q.enqueue(task('a', 1));
    q.enqueue(task('b', 2));
    expect(q.length).toBe(2);
  });
  it('hands out tasks in arrival order', () => {
    const q = new TaskQueue();
    q.enqueue(task('first', 1));
    q.enqueue(task('second', 2));
    expect(q.next()?.name).toBe('first');
  });
  it('drains in order', () => {
    const q = new TaskQueue();
    [3, 1, 2].forEach((v) => q.enqueue(task(`t${v}`, v)));
    expect(q.drain()).toEqual([3, 1, 2]);
    expect(q.length).toBe(0);
  });
});
