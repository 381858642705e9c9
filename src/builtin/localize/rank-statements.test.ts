import { describe, expect, it } from 'vitest';
import type { CoverageMatrix, StatementSite } from '../types.js';
import { frameEvidence, rankStatements } from './rank-statements.js';

const s = (id: number, line: number, endLine = line, file = 'src/a.ts'): StatementSite => ({
  id,
  file,
  line,
  endLine,
  start: line * 100 + id,
  end: endLine * 100 + 50 - id,
});
const sites = [s(1, 1), s(2, 2), s(3, 3, 6), s(4, 4), s(5, 1, 1, 'src/b.ts')];
const test = (name: string) => ({ file: 't.test.ts', name });

describe('rankStatements', () => {
  it('breaks Ochiai ties with the failing frames', () => {
    const matrix: CoverageMatrix = {
      sites,
      tests: [
        { id: test('f'), passed: false, statements: [1, 2] },
        { id: test('p'), passed: true, statements: [3] },
      ],
    };
    const ranked = rankStatements({ sites, matrix, failing: [{ frames: [{ file: 'src/a.ts', line: 2 }] }] });
    expect(ranked.map((r) => r.site.id).slice(0, 2)).toEqual([2, 1]);
    expect(ranked[0]?.score).toBeCloseTo(1.5);
    expect(ranked[1]?.score).toBeCloseTo(1);
  });

  it('ranks by frames alone without coverage, innermost first', () => {
    const ranked = rankStatements({
      sites,
      failing: [
        {
          frames: [
            { file: 'src/a.ts', line: 4 },
            { file: 'src/a.ts', line: 1 },
          ],
        },
      ],
    });
    expect(ranked.map((r) => [r.site.id, r.score])).toEqual([
      [4, 1],
      [1, 0.5],
    ]);
  });

  it('attributes a frame inside a multi-line statement to the innermost statement', () => {
    expect([...frameEvidence(sites, [{ frames: [{ file: 'src/a.ts', line: 5 }] }])]).toEqual([[3, 1]]);
    expect([...frameEvidence(sites, [{ frames: [{ file: 'src/a.ts', line: 4 }] }])]).toEqual([[4, 1]]);
  });

  it('falls back to every statement of the imported files', () => {
    const ranked = rankStatements({ sites, failing: [{ frames: [{ file: 'test/x.test.ts', line: 3 }] }], importedFiles: ['src/b.ts'] });
    expect(ranked.map((r) => r.site.id)).toEqual([5]);
  });

  it('treats a matrix without failing coverage as no coverage', () => {
    const matrix: CoverageMatrix = { sites, tests: [{ id: test('f'), passed: false, statements: [] }] };
    const ranked = rankStatements({ sites, matrix, failing: [{ frames: [{ file: 'src/a.ts', line: 1 }] }] });
    expect(ranked.map((r) => r.site.id)).toEqual([1]);
  });
});
