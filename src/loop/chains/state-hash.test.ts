import { describe, expect, it } from 'vitest';
import { stateHash } from './state-hash.js';

describe('stateHash', () => {
  it('is the same for the same texts in any order, and ignores files back at their original text', () => {
    const a = stateHash([
      { file: 'src/a.ts', before: 'x', after: 'y' },
      { file: 'src/b.ts', before: 'p', after: 'q' },
    ]);
    const b = stateHash([
      { file: 'src/b.ts', before: 'p', after: 'q' },
      { file: 'src/c.ts', before: 'same', after: 'same' },
      { file: 'src/a.ts', before: 'x', after: 'y' },
    ]);
    expect(a).toBe(b);
  });

  it('differs when a text, a path or a deletion differs', () => {
    const base = stateHash([{ file: 'a.ts', before: 'x', after: 'y' }]);
    expect(stateHash([{ file: 'a.ts', before: 'x', after: 'z' }])).not.toBe(base);
    expect(stateHash([{ file: 'b.ts', before: 'x', after: 'y' }])).not.toBe(base);
    expect(stateHash([{ file: 'a.ts', before: 'x', after: undefined }])).not.toBe(base);
  });
});
