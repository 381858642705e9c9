import { describe, expect, it } from 'vitest';
import { aResult } from '../../test/helpers/factories.js';
import type { ProjectView } from '../core/denoiser.js';
import { bareImports } from './resolve-import.js';
import { selectContext } from './select-context.js';
import { resolvePackageImport } from './workspace-imports.js';

function projectOf(texts: Readonly<Record<string, string>>): ProjectView {
  return {
    root: '/nonexistent',
    files: Object.keys(texts),
    read: async (file) => texts[file],
    isTestFile: (file) => file.includes('/test/'),
    isEditable: (file) => !file.includes('/test/') && !file.endsWith('package.json'),
  };
}

describe('workspace imports', () => {
  it('finds bare specifiers, builtins left out', () => {
    expect(bareImports("import { a } from '@ws/a';\nimport fs from 'node:fs';\nconst u = require('@ws/util/sub');\nimport './local.js';")).toEqual([
      '@ws/a',
      '@ws/util/sub',
    ]);
  });

  it('resolves a package name to its source entry, subpaths included', () => {
    const files = new Set(['packages/a/src/index.ts', 'packages/a/src/sub.ts', 'packages/c/lib/main.js', 'packages/d/index.ts']);
    const packages = new Map([
      ['@ws/a', { dir: 'packages/a', manifest: { main: './dist/index.js', types: './dist/index.d.ts' } }],
      ['c', { dir: 'packages/c', manifest: { exports: { '.': { import: './lib/main.js' } } } }],
      ['d', { dir: 'packages/d', manifest: {} }],
    ]);
    expect(resolvePackageImport('@ws/a', packages, files)).toBe('packages/a/src/index.ts');
    expect(resolvePackageImport('@ws/a/sub', packages, files)).toBe('packages/a/src/sub.ts');
    expect(resolvePackageImport('c', packages, files)).toBe('packages/c/lib/main.js');
    expect(resolvePackageImport('d', packages, files)).toBe('packages/d/index.ts');
    expect(resolvePackageImport('lodash', packages, files)).toBeUndefined();
  });

  it('offers the code of a sibling package a failing test reaches through its name, behind the entry barrel', async () => {
    const project = projectOf({
      'package.json': '{"workspaces":["packages/*"]}',
      'packages/a/package.json': '{"name":"@ws/a","exports":{".":"./src/index.ts"}}',
      'packages/a/src/index.ts': "export { inRange } from './range.js';\nexport * from './format.js';",
      'packages/a/src/range.ts': 'export const inRange = () => true;',
      'packages/a/src/format.ts': 'export const format = () => "";',
      'packages/a/src/unused.ts': '',
      'packages/b/package.json': '{"name":"@ws/b"}',
      'packages/b/src/cart.ts': "import { inRange } from '@ws/a';\nimport { z } from 'zod';",
      'packages/b/test/cart.test.ts': "import { canOrder } from '../src/cart.js';",
    });
    const selected = await selectContext(project, [aResult('x', 'failed', 'packages/b/test/cart.test.ts')]);
    expect(selected.editableSources.map((f) => f.path)).toEqual([
      'packages/b/src/cart.ts',
      'packages/a/src/index.ts',
      'packages/a/src/range.ts',
      'packages/a/src/format.ts',
    ]);
  });

  it('knows only the packages the workspace globs name (pnpm-workspace.yaml here)', async () => {
    const project = projectOf({
      'package.json': '{"name":"root"}',
      'pnpm-workspace.yaml': 'packages:\n  - libs/*\n',
      'libs/a/package.json': '{"name":"@ws/a"}',
      'libs/a/index.ts': 'export const a = 1;',
      'fixtures/copy/package.json': '{"name":"@ws/b"}',
      'fixtures/copy/index.ts': '',
      'app/test/x.test.ts': "import { a } from '@ws/a';\nimport { b } from '@ws/b';",
    });
    const selected = await selectContext(project, [aResult('x', 'failed', 'app/test/x.test.ts')]);
    expect(selected.editableSources.map((f) => f.path)).toEqual(['libs/a/index.ts']);
  });
});
