import { describe, expect, it } from 'vitest';
import type { TypeDiagnostic } from '../../core/attempts.js';
import { introducedDiagnostics } from './introduced-diagnostics.js';

const at = (file: string, line: number, code = 2322, message = "Type 'string' is not assignable to type 'number'."): TypeDiagnostic => ({
  file,
  line,
  column: 3,
  code,
  message,
});

describe('introducedDiagnostics', () => {
  it('matches by file, code and message, whatever the line', () => {
    expect(introducedDiagnostics([at('a.ts', 3)], [at('a.ts', 9)])).toEqual([]);
  });

  it('keeps what differs in file, code or message', () => {
    const baseline = [at('a.ts', 3)];
    const current = [at('b.ts', 3), at('a.ts', 3, 2345), at('a.ts', 3, 2322, 'other'), at('a.ts', 4)];
    expect(introducedDiagnostics(baseline, current)).toEqual(current.slice(0, 3));
  });

  it('counts duplicates', () => {
    expect(introducedDiagnostics([at('a.ts', 1)], [at('a.ts', 1), at('a.ts', 2), at('a.ts', 5)])).toEqual([at('a.ts', 2), at('a.ts', 5)]);
  });
});
