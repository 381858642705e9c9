import { describe, expect, it } from 'vitest';
import type { ChainEnd } from './select-chain.js';
import { selectChain } from './select-chain.js';

const end = (chain: number, over: Partial<ChainEnd> = {}): ChainEnd => ({
  chain,
  steps: 3,
  bestReward: 0,
  green: false,
  duplicate: false,
  stopped: false,
  ...over,
});

describe('selectChain', () => {
  it('keeps the first chain to go green, whatever the others earned', () => {
    const picked = selectChain([end(1, { bestReward: 9 }), end(2, { green: true, greenAt: 50, bestReward: 3 }), end(3, { green: true, greenAt: 20 })]);
    expect(picked.kept).toBe(3);
    expect(picked.reason).toBe('first chain to go green');
    expect(picked.chains.map((c) => c.outcome)).toEqual(['red', 'red', 'green']);
  });

  it('without a green chain keeps the highest reward', () => {
    const picked = selectChain([end(1, { bestReward: 1.5 }), end(2, { bestReward: 4.2 }), end(3, { bestReward: 0 })]);
    expect(picked.kept).toBe(2);
    expect(picked.reason).toBe('highest reward (4.2), none went green');
  });

  it('breaks a reward tie toward the lower chain number', () => {
    const picked = selectChain([end(1, { bestReward: 2 }), end(2, { bestReward: 3 }), end(3, { bestReward: 3 })]);
    expect(picked.kept).toBe(2);
    expect(picked.reason).toMatch(/tied: lowest chain number/);
  });

  it('never keeps a duplicate, and names it so', () => {
    const picked = selectChain([end(1, { bestReward: 2 }), end(2, { bestReward: 2, duplicate: true })]);
    expect(picked.kept).toBe(1);
    expect(picked.chains.map((c) => c.outcome)).toEqual(['red', 'duplicate']);
    expect(picked.reason).toBe('highest reward (2), none went green');
  });

  it('marks chains stopped by a green one, and carries seeds and steps', () => {
    const picked = selectChain([end(1, { seed: 7, stopped: true, steps: 1 }), end(2, { seed: 8, green: true, greenAt: 5 })]);
    expect(picked.chains).toEqual([
      { chain: 1, seed: 7, steps: 1, bestReward: 0, outcome: 'stopped' },
      { chain: 2, seed: 8, steps: 3, bestReward: 0, outcome: 'green' },
    ]);
  });

  it('refuses an empty list', () => {
    expect(() => selectChain([])).toThrow(/at least one chain/);
  });
});
