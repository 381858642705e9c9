import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './format-diagnostic.js';

const diagnostic = { file: 'src/a.ts', line: 1, column: 2, code: 2304, message: "Cannot find name 'y'." };

describe('formatDiagnostic', () => {
  it('keeps tabs before the span so the carets line up, and stops them at the end of the line', () => {
    expect(formatDiagnostic(diagnostic, '\ty;\nnext', 40, 0)).toBe(
      ["src/a.ts:1:2 - error TS2304: Cannot find name 'y'.", '> 1 | \ty;', '    | \t^^'].join('\n'),
    );
  });

  it('gives the head line alone when the line is not in the text', () => {
    expect(formatDiagnostic({ ...diagnostic, line: 7 }, 'one line', 1)).toBe("src/a.ts:7:2 - error TS2304: Cannot find name 'y'.");
  });
});
