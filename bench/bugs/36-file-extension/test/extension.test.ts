import { describe, expect, it } from 'vitest';
import { extensionOf } from '../src/extension.js';

describe('extensionOf', () => {
  it('a simple extension', () => {
    expect(extensionOf('photo.jpg')).toBe('jpg');
  });
  it('no extension', () => {
    expect(extensionOf('Makefile')).toBe('');
  });
  it('dotfiles have no extension', () => {
    expect(extensionOf('.bashrc')).toBe('');
  });
  it('only the last extension counts', () => {
    expect(extensionOf('report.final.pdf')).toBe('pdf');
  });
  it('ignores dots in directories', () => {
    expect(extensionOf('v1.2/notes')).toBe('');
  });
});
