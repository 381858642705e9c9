import { describe, expect, it } from 'vitest';
import { extensionOf } from '../src/extension.js';

describe('extensionOf (held out)', () => {
  it('archives', () => {
    expect(extensionOf('dist/pkg-1.0.0.tar.gz')).toBe('gz');
  });
  it('a trailing dot', () => {
    expect(extensionOf('weird.')).toBe('');
  });
  it('a dotfile with an extension', () => {
    expect(extensionOf('/home/me/.config.json')).toBe('json');
  });
});
