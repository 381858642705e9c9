import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempProject } from '../../../test/helpers/temp-project.js';
import { createTempProject } from '../../../test/helpers/temp-project.js';
import { packageName, resolveSpecifier } from './resolve-specifier.js';
import { readPathAliases } from './tsconfig-paths.js';

describe('resolveSpecifier', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await createTempProject({
      'package.json': '{"name":"app"}',
      'src/a.ts': '',
      'src/b.js': '',
      'src/c.tsx': '',
      'src/d/index.js': '',
      'node_modules/@scope/pkg/package.json': '{"name":"@scope/pkg"}',
    });
  });
  afterAll(() => project.cleanup());

  const resolve = (specifier: string, importer = 'test/x.test.ts', typeScriptProject = false) =>
    resolveSpecifier(specifier, { projectDir: project.dir, importer, typeScriptProject });

  it('maps ESM .js specifiers to existing TypeScript sources, then plain files and folder indexes', () => {
    expect(resolve('../src/a.js')).toEqual({ kind: 'module', file: 'src/a.ts', exists: true });
    expect(resolve('../src/b.js')).toEqual({ kind: 'module', file: 'src/b.js', exists: true });
    expect(resolve('../src/c.js')).toEqual({ kind: 'module', file: 'src/c.tsx', exists: true });
    expect(resolve('../src/a')).toEqual({ kind: 'module', file: 'src/a.ts', exists: true });
    expect(resolve('../src/d')).toEqual({ kind: 'module', file: 'src/d/index.js', exists: true });
  });

  it('names the file to create in the language of the project or the test, keeping .mjs and .cjs', () => {
    expect(resolve('../src/new.js')).toEqual({ kind: 'module', file: 'src/new.ts', exists: false });
    expect(resolve('../src/new.js', 'test/x.test.js')).toEqual({ kind: 'module', file: 'src/new.js', exists: false });
    expect(resolve('../src/new', 'test/x.test.js', true)).toEqual({ kind: 'module', file: 'src/new.ts', exists: false });
    expect(resolve('../src/new.mjs')).toEqual({ kind: 'module', file: 'src/new.mjs', exists: false });
    expect(resolve('../src/new.cjs', 'test/x.test.js')).toEqual({ kind: 'module', file: 'src/new.cjs', exists: false });
  });

  it('ignores builtins, test frameworks and installed packages; reports the rest as missing packages', () => {
    expect(resolve('node:fs')).toEqual({ kind: 'ignored' });
    expect(resolve('path')).toEqual({ kind: 'ignored' });
    expect(resolve('vitest')).toEqual({ kind: 'ignored' });
    expect(resolve('@scope/pkg/deep')).toEqual({ kind: 'ignored' });
    expect(resolve('lodash/fp')).toEqual({ kind: 'missing-package', name: 'lodash' });
  });

  it('follows tsconfig path aliases to existing and new files', async () => {
    await project.write({ 'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"], "~config": ["./src/a.ts"] } } }' });
    const aliases = readPathAliases(project.dir);
    const viaAlias = (specifier: string) =>
      resolveSpecifier(specifier, { projectDir: project.dir, importer: 'test/x.test.ts', typeScriptProject: true, aliases });
    expect(viaAlias('@/a.js')).toEqual({ kind: 'module', file: 'src/a.ts', exists: true });
    expect(viaAlias('@/later/thing')).toEqual({ kind: 'module', file: 'src/later/thing.ts', exists: false });
    expect(viaAlias('~config')).toEqual({ kind: 'module', file: 'src/a.ts', exists: true });
    expect(viaAlias('#internal')).toEqual({ kind: 'ignored' });
  });

  it('reads package names of scoped and deep specifiers', () => {
    expect(packageName('@a/b/c')).toBe('@a/b');
    expect(packageName('x/y')).toBe('x');
  });
});
