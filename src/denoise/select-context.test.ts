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
    const project = viewOf(texts);
    const selected = await selectContext(project, [aResult('x', 'failed')]);
    expect(selected.testSources.map((f) => f.path)).toEqual(['test/a.test.ts']);
    expect(selected.editableSources.map((f) => f.path)).toEqual(['src/a.ts', 'src/b.ts']);
  });
});

describe('selectContext with summaries', () => {
  const money = [
    '/** Formats cents as dollars. */',
    'export function formatCents(cents: number): string {',
    '  const whole = Math.floor(cents / 100);',
    "  const fraction = String(cents % 100).padStart(2, '0');",
    '  return `$${whole}.${fraction}`;',
    '}',
  ].join('\n');
  const texts: Record<string, string> = {
    'test/invoice.test.ts': "import { total } from '../src/invoice.js';",
    'src/invoice.ts':
      "import { formatCents } from './money.js';\nimport { rate } from './tiny.js';\nexport const total = (c: number): string => formatCents(c * rate);",
    'src/money.ts': money,
    'src/tiny.ts': 'export const rate = 2;',
  };
  const project = viewOf(texts);
  const failure = { ...aResult('total', 'failed', 'test/invoice.test.ts'), failure: { message: 'expected $2.00', output: '', frames: [] } };

  it('shows the edit targets whole and the modules they use as declarations, tiny ones whole', async () => {
    const selected = await selectContext(project, [failure], { summarize: true });
    expect(selected.editableSources.map((f) => f.path)).toEqual(['src/invoice.ts', 'src/tiny.ts']);
    expect(selected.declarationSources).toEqual([
      { path: 'src/money.ts', text: '/** Formats cents as dollars. */\nexport declare function formatCents(cents: number): string;\n', wholeText: money },
    ]);
  });

  it('shows whole the modules the tests expect to grow and the files asked for whole', async () => {
    const expectations = {
      summary: '// src/money.ts — exists; imported by test/invoice.test.ts\nexport function formatCents(cents: number): string;\n',
      findings: [],
    };
    expect((await selectContext(project, [failure], { summarize: true, expectations })).declarationSources).toEqual([]);
    expect((await selectContext(project, [failure], { summarize: true, whole: new Set(['src/money.ts']) })).declarationSources).toEqual([]);
  });

  it('shows everything whole without summarize', async () => {
    const selected = await selectContext(project, [failure]);
    expect(selected.editableSources.map((f) => f.path)).toEqual(['src/invoice.ts', 'src/money.ts', 'src/tiny.ts']);
    expect(selected.declarationSources).toEqual([]);
  });
});

/** The files `texts` holds as the denoiser sees a project: tests under test/, editable sources under src/. */
function viewOf(texts: Readonly<Record<string, string>>): ProjectView {
  return {
    root: '/nonexistent',
    files: Object.keys(texts),
    read: async (file) => texts[file],
    isTestFile: (file) => file.startsWith('test/'),
    isEditable: (file) => file.startsWith('src/'),
  };
}
