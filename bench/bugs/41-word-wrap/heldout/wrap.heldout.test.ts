import { describe, expect, it } from 'vitest';
import { wrap } from '../src/wrap.js';

describe('wrap (held out)', () => {
  it('a long word on its own line', () => {
    expect(wrap('a extraordinarily b', 5)).toEqual(['a', 'extraordinarily', 'b']);
  });
  it('collapses whitespace', () => {
    expect(wrap('one\n two   three', 9)).toEqual(['one two', 'three']);
  });
  it('exact fit', () => {
    expect(wrap('ab cd ef', 5)).toEqual(['ab cd', 'ef']);
  });
});
