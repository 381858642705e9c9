import { describe, expect, it } from 'vitest';
import { applyEdit } from './apply-edit.js';

const rewrite = (content: string) => ({ kind: 'rewrite', file: 'src/a.ts', content }) as const;

describe('applyEdit: rewrite', () => {
  it('replaces the content and adds the final newline the original had', () => {
    expect(applyEdit('old\n', rewrite('new'))).toEqual({ status: 'applied', text: 'new\n' });
  });

  it('adds a final newline to a new file', () => {
    expect(applyEdit('', rewrite('x = 1'))).toEqual({ status: 'applied', text: 'x = 1\n' });
  });

  it('does not add one when the original had none', () => {
    expect(applyEdit('old', rewrite('new'))).toEqual({ status: 'applied', text: 'new' });
  });

  it('keeps an empty rewrite empty', () => {
    expect(applyEdit('old\n', rewrite(''))).toEqual({ status: 'applied', text: '' });
  });

  it('keeps the CRLF endings of the original', () => {
    expect(applyEdit('a\r\nb\r\n', rewrite('x\ny\n'))).toEqual({ status: 'applied', text: 'x\r\ny\r\n' });
  });
});
