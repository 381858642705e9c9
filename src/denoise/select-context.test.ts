import { describe, expect, it } from 'vitest';
import { aResult } from '../../test/helpers/factories.js';
import type { ProjectView } from '../core/denoiser.js';
import { relativeImports, resolveImport, selectContext } from './select-context.js';

describe('relativeImports / resolveImport', () => {
  it('finds relative specifiers in import, export-from, dynamic import and require', () => {
    const text = "import { a } from './a.js';\nexport * from \"../b\";\nconst c = require('./c');\nawait import('./d.mjs');\nimport x from 'vitest';";
    expect(relativeImports(text)).toEqual(['./a.js', '../b', './c', './d.mjs']);
  });
  it('maps .js specifiers to TypeScript sources and finds index files', () => {
    const files = new Set(['src/a.ts', 'src/lib/index.ts']);
    expect(resolveImport('test/x.test.ts', '../src/a.js', files)).toBe('src/a.ts');
    expect(resolveImport('test/x.test.ts', '../src/lib', files)).toBe('src/lib/index.ts');
    expect(resolveImport('test/x.test.ts', '../src/missing.js', files)).toBeUndefined();
  });
});

describe('selectContext', () => {
  it('shows the failing test files and the editable code they import, frames first', async () => {
    const texts: Record<string, string> = {
      'test/a.test.ts': "import { f } from '../src/b.js';",
      'src/a.ts': 'export const a = 1;',
      'src/b.ts': "import { a } from './a.js';",
      'src/unrelated.ts': '',
    };
    const project: ProjectView = {
      root: '/nonexistent',
      files: Object.keys(texts),
      read: async (file) => texts[file],
      isTestFile: (file) => file.startsWith('test/'),
      isEditable: (file) => file.startsWith('src/'),
    };
    const selected = await selectContext(project, [aResult('x', 'failed')]);
    expect(selected.testSources.map((f) => f.path)).toEqual(['test/a.test.ts']);
    expect(selected.editableSources.map((f) => f.path)).toEqual(['src/a.ts', 'src/b.ts']);
  });
});
