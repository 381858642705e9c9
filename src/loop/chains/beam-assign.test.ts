import { describe, expect, it } from 'vitest';
import type { BeamState } from './beam-assign.js';
import { assignBeam } from './beam-assign.js';

const state = (chain: number, reward: number, hash = `h${chain}`, green = false): BeamState => ({ chain, reward, green, hash });

describe('assignBeam', () => {
  it('keeps the best state and restarts every other chain from it', () => {
    expect(assignBeam([state(1, 0), state(2, 5.2), state(3, 1)], 1, 1)).toEqual({
      step: 1,
      kept: [{ chain: 2, reward: 5.2 }],
      moves: [
        { chain: 1, from: 2 },
        { chain: 3, from: 2 },
      ],
    });
  });

  it('spreads the losers evenly over the kept states, best first', () => {
    const round = assignBeam([state(1, 5.2), state(2, 1), state(3, 4.8), state(4, 0), state(5, 0.5)], 2, 3);
    expect(round.kept).toEqual([
      { chain: 1, reward: 5.2 },
      { chain: 3, reward: 4.8 },
    ]);
    expect(round.moves).toEqual([
      { chain: 2, from: 1 },
      { chain: 4, from: 3 },
      { chain: 5, from: 1 },
    ]);
  });

  it('ranks a green state above any reward', () => {
    expect(assignBeam([state(1, 9), state(2, 3, 'g', true)], 1, 2).kept).toEqual([{ chain: 2, reward: 3 }]);
  });

  it('merges identical states, so a width of 2 keeps two different states', () => {
    const round = assignBeam([state(1, 5, 'same'), state(2, 5, 'same'), state(3, 2)], 2, 1);
    expect(round.kept.map((k) => k.chain)).toEqual([1, 3]);
    expect(round.moves).toEqual([{ chain: 2, from: 1 }]);
  });

  it('breaks reward ties by the lower chain number, and keeps all when the beam is as wide as the chains', () => {
    expect(assignBeam([state(2, 1), state(1, 1)], 1, 1).kept).toEqual([{ chain: 1, reward: 1 }]);
    expect(assignBeam([state(1, 1), state(2, 0)], 2, 1).moves).toEqual([]);
  });

  it('refuses a width below 1', () => {
    expect(() => assignBeam([state(1, 0)], 0, 1)).toThrow('a beam needs a width of at least 1, got 0');
  });
});
