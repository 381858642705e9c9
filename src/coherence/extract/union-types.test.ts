import { describe, expect, it } from 'vitest';
import { unionOf } from './union-types.js';

describe('unionOf', () => {
  it('keeps distinct types once, in order, and drops what tells nothing', () => {
    expect(unionOf(['number', 'unknown', 'string', 'number'])).toBe('number | string');
    expect(unionOf(['unknown[]', 'number[]'])).toBe('number[]');
    expect(unionOf(['unknown'])).toBe('unknown');
    expect(unionOf(['string | null', 'number'])).toBe('string | null | number');
    expect(unionOf(['() => boolean', '(name: string) => number[]', '{ a: () => void }'])).toBe(
      '(() => boolean) | ((name: string) => number[]) | { a: () => void }',
    );
    expect(unionOf(['() => boolean'])).toBe('() => boolean');
  });

  it('merges object shapes, making a property that some lack optional', () => {
    expect(unionOf(['{ a: number }', '{ a: string; b: boolean }'])).toBe('{ a: number | string; b?: boolean }');
    expect(unionOf(['{ x: number }[]', 'string', "{ 'src/a.ts': string; y: () => void }[]"])).toBe(
      "{ x?: number; 'src/a.ts'?: string; y?: () => void }[] | string",
    );
  });
});
