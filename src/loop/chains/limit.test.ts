import { describe, expect, it } from 'vitest';
import { defaultConcurrency, runLimited } from './limit.js';

/** Tasks that record how many run at once; each waits for the test to release it. */
function gatedTasks(count: number) {
  let running = 0;
  let peak = 0;
  const order: number[] = [];
  const releases: (() => void)[] = [];
  const tasks = Array.from({ length: count }, (_, i) => async () => {
    running++;
    peak = Math.max(peak, running);
    order.push(i);
    await new Promise<void>((release) => releases.push(release));
    running--;
    return i * 10;
  });
  return { tasks, releases, order, peak: () => peak };
}

const tick = () => new Promise((wake) => setImmediate(wake));

describe('runLimited', () => {
  it('never runs more than the limit at once, starts in order, and returns results in task order', async () => {
    const gated = gatedTasks(5);
    const all = runLimited(gated.tasks, 2);
    for (let i = 0; i < 5; i++) {
      await tick();
      expect(gated.order.length).toBeLessThanOrEqual(Math.min(5, i + 2));
      gated.releases.shift()?.();
    }
    await tick();
    while (gated.releases.length > 0) gated.releases.shift()?.();
    expect(await all).toEqual([0, 10, 20, 30, 40]);
    expect(gated.peak()).toBe(2);
    expect(gated.order).toEqual([0, 1, 2, 3, 4]);
  });

  it('rejects with the first failure once the running tasks settle', async () => {
    let finished = false;
    const tasks = [
      async () => {
        await tick();
        finished = true;
        return 1;
      },
      () => Promise.reject(new Error('chain 2 broke')),
    ];
    await expect(runLimited(tasks, 2)).rejects.toThrow('chain 2 broke');
    expect(finished).toBe(true);
  });

  it('refuses a limit below 1', async () => {
    await expect(runLimited([async () => 1], 0)).rejects.toThrow(/at least|≥ 1/);
  });
});

describe('defaultConcurrency', () => {
  it('keeps a core free and never exceeds the chains', () => {
    expect(defaultConcurrency(4, 2)).toBe(1);
    expect(defaultConcurrency(4, 8)).toBe(4);
    expect(defaultConcurrency(2, 1)).toBe(1);
    expect(defaultConcurrency(3, 4)).toBe(3);
  });
});
