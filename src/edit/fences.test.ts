import { describe, expect, it } from 'vitest';
import { boundReasoning, findFences, proseOutside } from './fences.js';

describe('findFences', () => {
  it('finds blocks with their language, lines and preceding line', () => {
    const lines = ['Intro', 'src/a.ts', '', '```TypeScript title', 'x', '```', 'between', '~~~', 'y', '~~~'];
    expect(findFences(lines)).toEqual([
      { lang: 'typescript', lines: ['x'], openLine: 4, closeLine: 6, closed: true, before: 'src/a.ts' },
      { lang: '', lines: ['y'], openLine: 8, closeLine: 10, closed: true, before: 'between' },
    ]);
  });

  it('marks a block the reply ends inside', () => {
    expect(findFences(['```', 'x'])).toEqual([{ lang: '', lines: ['x'], openLine: 1, closeLine: 2, closed: false }]);
  });
});

describe('proseOutside', () => {
  it('keeps lines outside the ranges', () => {
    expect(proseOutside(['a', '```', 'x', '```', '', '', '', 'b'], [[2, 4]])).toBe('a\n\nb');
  });

  it('bounds long text', () => {
    expect(boundReasoning('x'.repeat(5000))).toHaveLength(2001);
  });
});
