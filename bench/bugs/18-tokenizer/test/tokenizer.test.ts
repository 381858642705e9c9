import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/tokenizer.js';

describe('tokenize', () => {
  it('reads a multi-digit number', () => {
    expect(tokenize('123')).toEqual([{ kind: 'number', value: 123 }]);
  });
  it('returns no tokens for blank input', () => {
    expect(tokenize('   ')).toEqual([]);
  });
  it('tokenizes a binary expression', () => {
    expect(tokenize('1 + 22')).toEqual([
      { kind: 'number', value: 1 },
      { kind: 'op', value: '+' },
      { kind: 'number', value: 22 },
    ]);
  });
  it('tokenizes parentheses', () => {
    expect(tokenize('(4)').map((t) => t.kind)).toEqual(['paren', 'number', 'paren']);
  });
  it('rejects letters', () => {
    expect(() => tokenize('2 x 3')).toThrow(SyntaxError);
  });
});
