import { describe, expect, it } from 'vitest';
import type { CoverageMatrix, StatementSite } from '../types.js';
import { ochiai } from './ochiai.js';

function site(id: number, line = id, file = 'src/a.ts'): StatementSite {
  return { id, file, line, start: line * 10, end: line * 10 + 5 };
}

function matrix(sites: number, tests: readonly (readonly [boolean, readonly number[]])[]): CoverageMatrix {
  return {
    sites: Array.from({ length: sites }, (_, i) => site(i + 1)),
    tests: tests.map(([passed, statements], i) => ({ id: { file: 't.test.ts', name: `t${i}` }, passed, statements })),
  };
}

describe('ochiai', () => {
  it('scores failed(s) / sqrt(totalFailed × covering(s))', () => {
    const result = ochiai(
      matrix(3, [
        [false, [1, 2]],
        [false, [1, 3]],
        [true, [1, 2]],
        [true, [3]],
      ]),
    );
    const score = new Map(result.map((s) => [s.site.id, s.score]));
    expect(score.get(1)).toBeCloseTo(2 / Math.sqrt(2 * 3));
    expect(score.get(2)).toBeCloseTo(1 / Math.sqrt(2 * 2));
    expect(score.get(3)).toBeCloseTo(1 / Math.sqrt(2 * 2));
    expect(result[0]).toMatchObject({ site: { id: 1 }, failedCovering: 2, passedCovering: 1 });
  });

  it('gives 1 to a statement covered by exactly the failing tests, 0 to one no failing test covers', () => {
    const result = ochiai(
      matrix(3, [
        [false, [2, 3]],
        [true, [1, 3]],
      ]),
    );
    expect(result.map((s) => [s.site.id, s.score])).toEqual([
      [2, 1],
      [3, 1 / Math.sqrt(2)],
      [1, 0],
    ]);
  });

  it('counts repeated hits of one statement in one test once', () => {
    expect(
      ochiai(
        matrix(1, [
          [false, [1, 1, 1]],
          [true, [1]],
        ]),
      )[0]?.score,
    ).toBeCloseTo(1 / Math.sqrt(2));
  });

  it('is all zeros without failing tests', () => {
    expect(ochiai(matrix(2, [[true, [1, 2]]])).map((s) => s.score)).toEqual([0, 0]);
  });
});
