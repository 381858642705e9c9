import { describe, expect, it } from 'vitest';
import { createAllowEdit, protectedRefusal, protectionOf } from './protected-files.js';

describe('protectionOf', () => {
  it.each([
    'test/__snapshots__/math.test.ts.snap',
    'src/__snapshots__/view.test.tsx.snap',
    'test/math.snap',
    'src/__fixtures__/input.txt',
    'src/__mocks__/fs.ts',
    'test/fixtures/data.json',
    'fixtures/data.json',
    'packages/a/fixtures/big.json',
    'src/__tests__/fixtures/a.json',
    'tests/testdata/golden.txt',
    'vitest.config.ts',
    'packages/a/vitest.config.mts',
    'vitest.workspace.ts',
    'vite.config.js',
    'jest.config.cjs',
    '.mocharc.yml',
    '.mocharc.json',
    'babel.config.js',
    '.babelrc',
    'tsconfig.json',
    'tsconfig.test.json',
    'packages/a/tsconfig.build.json',
    'vitest.setup.ts',
    'src/setupTests.ts',
    'test/helpers/expect-close.ts',
    'src/__tests__/helpers.ts',
    'spec/support/jasmine.json',
    'packages/a/tests/utils.js',
  ])('protects %s as test data', (path) => {
    expect(protectionOf(path)?.kind).toBe('test-data');
  });

  it.each([
    ['.npmrc', 'configures the package manager'],
    ['packages/a/.npmrc', 'configures the package manager'],
    ['.yarnrc.yml', 'configures the package manager'],
    ['.pnpmfile.cjs', 'configures the package manager'],
    ['.yarn/plugins/plugin.cjs', 'configures the package manager'],
    ['.husky/pre-commit', 'holds git hooks'],
    ['.githooks/pre-push', 'holds git hooks'],
    ['lefthook.yml', 'holds git hooks'],
    ['.github/workflows/ci.yml', 'continuous integration'],
    ['.gitlab-ci.yml', 'continuous integration'],
    ['.circleci/config.yml', 'continuous integration'],
    ['azure-pipelines.yml', 'continuous integration'],
    ['Jenkinsfile', 'continuous integration'],
    ['.travis.yml', 'continuous integration'],
    ['redgreen.config.json', "redgreen's own configuration"],
    ['redgreen.config.ts', "redgreen's own configuration"],
    ['.envrc', 'shell code'],
    ['Dockerfile', 'build commands'],
    ['Makefile', 'build commands'],
    ['makefile', 'build commands'],
    ['.vscode/tasks.json', 'your editor'],
  ])('protects %s as running code (%s)', (path, what) => {
    const protection = protectionOf(path);
    expect(protection?.kind).toBe('runs-code');
    expect(protection?.what).toContain(what);
  });

  it.each([
    'src/math.ts',
    'src/fixtures/factory.ts',
    'lib/testdata/builder.js',
    'package.json',
    'README.md',
    'src/snapshot.ts',
    'src/config/vitest-config.ts',
    'docs/github.md',
    'src/make-file.ts',
    'src/test-utils/render.ts',
    'src/testing.ts',
  ])('leaves %s editable', (path) => {
    expect(protectionOf(path)).toBeUndefined();
  });
});

describe('protectionOf: what it says', () => {
  it('names test data before the test folder it sits in', () => {
    expect(protectionOf('test/fixtures/data.json')?.what).toBe('is test data, part of the specification');
    expect(protectionOf('test/helpers/expect-close.ts')?.what).toBe('is test code in a test/ folder, part of the specification');
  });
});

describe('protectedRefusal', () => {
  it('names the rule and the flag that allows the file', () => {
    expect(protectedRefusal('.npmrc', { kind: 'runs-code', what: 'configures the package manager' })).toBe(
      'refusing to edit .npmrc: it configures the package manager; allow it with --allow-edit .npmrc',
    );
    expect(protectedRefusal('test/fixtures/data.json', { kind: 'test-data', what: 'is test data, part of the specification' })).toBe(
      'refusing to edit test/fixtures/data.json: it is test data, part of the specification; allow it with --allow-test-edits',
    );
  });
});

describe('createAllowEdit', () => {
  it('allows the files its globs name, and everything under a named folder', () => {
    const allows = createAllowEdit(['package.json', './.husky/', '.github/workflows/*.yml']);
    expect(allows('package.json')).toBe(true);
    expect(allows('.husky/pre-commit')).toBe(true);
    expect(allows('.github/workflows/ci.yml')).toBe(true);
    expect(allows('packages/a/package.json')).toBe(false);
    expect(allows('.npmrc')).toBe(false);
    expect(allows('.github/dependabot.yml')).toBe(false);
  });

  it('allows nothing without globs', () => {
    expect(createAllowEdit([])('package.json')).toBe(false);
  });
});
