import { describe, expect, it } from 'vitest';
import { sourceEntryCandidates } from './package-entry.js';

describe('sourceEntryCandidates', () => {
  it('prefers source, then exports, module, main and types, leaving built output and declarations out', () => {
    expect(
      sourceEntryCandidates({
        source: './src/main.ts',
        exports: { '.': { types: './dist/index.d.ts', import: './src/index.ts' } },
        main: './dist/index.js',
        types: 'index.d.ts',
      }),
    ).toEqual(['src/main.ts', 'src/index.ts', 'src/index', 'index']);
  });

  it('reads subpath exports, with src/<sub> and <sub> as fallbacks', () => {
    expect(sourceEntryCandidates({ exports: { './sub': './lib/sub.js' } }, './sub')).toEqual(['lib/sub.js', 'src/sub', 'sub']);
    expect(sourceEntryCandidates({ exports: './x.js' }, './sub')).toEqual(['src/sub', 'sub']);
  });
});
