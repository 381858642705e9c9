import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/tokenizer.js';

describe('tokenize (held out)', () => {
  it('operators without spaces', () => {
    expect(tokenize('8/2*3-1').map((t) => t.value)).toEqual([8, '/', 2, '*', 3, '-', 1]);
  });
  it('nested parentheses', () => {
    expect(tokenize('((10))').map((t) => t.value)).toEqual(['(', '(', 10, ')', ')']);
  });
  it('rejects a dot', () => {
    expect(() => tokenize('1.5')).toThrow(SyntaxError);
  });
});
