import { describe, expect, it } from 'vitest';
import type { Candidate, TextChange } from '../types.js';
import { candidateEdits } from './candidate-edits.js';

const file = 'src/a.ts';
const text = 'function f(x) {\n  if (x < 0) return 0;\n  return x;\n}\nfunction g(x) {\n  if (x < 0) return 0;\n  return x * 2;\n}\n';
const change = (needle: string, replacement: string, from = 0): TextChange => {
  const start = text.indexOf(needle, from);
  return { file, start, end: start + needle.length, text: replacement, node: 'expression' };
};
const candidate = (...changes: TextChange[]): Candidate => ({ id: 1, score: 1, operator: 'op', description: 'd', changes });

describe('candidateEdits', () => {
  it('reports a one-token fix as an update of its line', () => {
    expect(candidateEdits(new Map([[file, text]]), candidate(change('return x;', 'return x + 1;')))).toEqual([
      { kind: 'update', file, oldText: '  return x;', newText: '  return x + 1;' },
    ]);
  });

  it('quotes neighbouring lines until the search text occurs once', () => {
    const second = text.indexOf('function g');
    const [edit] = candidateEdits(new Map([[file, text]]), candidate(change('x < 0', 'x <= 0', second)));
    expect(edit).toEqual({
      kind: 'update',
      file,
      oldText: 'function g(x) {\n  if (x < 0) return 0;\n  return x * 2;',
      newText: 'function g(x) {\n  if (x <= 0) return 0;\n  return x * 2;',
    });
  });

  it('gives one update per group of changed lines, joining adjacent ones', () => {
    const second = text.indexOf('function g');
    const edits = candidateEdits(
      new Map([[file, text]]),
      candidate(change('return x;', 'return -x;'), change('x * 2', 'x * 3'), change('return 0', 'return 1', second)),
    );
    expect(edits).toEqual([
      { kind: 'update', file, oldText: '  return x;', newText: '  return -x;' },
      { kind: 'update', file, oldText: '  if (x < 0) return 0;\n  return x * 2;', newText: '  if (x < 0) return 1;\n  return x * 3;' },
    ]);
  });

  it('is empty for a candidate that does not apply', () => {
    expect(candidateEdits(new Map(), candidate(change('return x;', 'return 1;')))).toEqual([]);
  });
});
