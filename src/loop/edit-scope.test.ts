import { describe, expect, it } from 'vitest';
import { createEditScope } from './edit-scope.js';
import type { EditScopeOptions } from './edit-scope.js';

const isTestFile = (file: string) => /\.test\.ts$/.test(file);
const scope = (options: Partial<EditScopeOptions> = {}) => createEditScope({ isTestFile, allowTestEdits: false, ...options });
const manifest = (scripts: Record<string, string>) => `${JSON.stringify({ name: 'app', scripts }, null, 2)}\n`;

describe('createEditScope', () => {
  it('refuses test data and test configuration unless test edits are allowed', () => {
    expect(scope().check('test/fixtures/data.json')).toEqual({
      ok: false,
      reason: 'refusing to edit test/fixtures/data.json: it is test data, part of the specification; allow it with --allow-test-edits',
    });
    expect(scope().check('./vitest.config.ts').ok).toBe(false);
    expect(scope({ allowTestEdits: true }).check('./vitest.config.ts')).toEqual({ ok: true, path: 'vitest.config.ts' });
    expect(scope({ allowEdit: ['vitest.config.ts'] }).check('vitest.config.ts').ok).toBe(true);
  });

  it('refuses files that run code unless --allow-edit names them; --allow-test-edits does not', () => {
    expect(scope({ allowTestEdits: true }).check('.npmrc')).toEqual({
      ok: false,
      reason: 'refusing to edit .npmrc: it configures the package manager; allow it with --allow-edit .npmrc',
    });
    expect(scope({ allowEdit: ['.npmrc'] }).check('.npmrc')).toEqual({ ok: true, path: '.npmrc' });
    expect(scope({ allowEdit: ['.husky'] }).check('.husky/pre-commit').ok).toBe(true);
  });

  it('keeps the path guard: outside the project and lockfiles stay refused, whatever is allowed', () => {
    expect(scope({ allowEdit: ['**'] }).check('../x.ts').ok).toBe(false);
    expect(scope({ allowEdit: ['**'] }).check('package-lock.json').ok).toBe(false);
    expect(scope().check('src/a.ts')).toEqual({ ok: true, path: 'src/a.ts' });
  });

  it('reviews package.json by what changes: scripts need --allow-edit, other fields pass', () => {
    const before = manifest({ test: 'vitest run' });
    const after = manifest({ test: 'vitest run', postinstall: 'node -e 0' });
    expect(scope().review('package.json', before, after)).toEqual([
      'refusing to edit package.json: it changes scripts.postinstall, which runs code or changes dependencies; allow it with --allow-edit package.json',
    ]);
    expect(scope({ allowEdit: ['package.json'] }).review('package.json', before, after)).toEqual([]);
    expect(scope().review('package.json', before, before.replace('"app"', '"app2"'))).toEqual([]);
    expect(scope().review('packages/a/package.json', before, after)[0]).toContain('--allow-edit packages/a/package.json');
    // run in a workspace package, the flag's globs are relative to it: the hint is too
    const inPackage = scope({ packageDir: 'packages/a' });
    expect(inPackage.review('packages/a/package.json', before, after)[0]).toMatch(
      /^refusing to edit packages\/a\/package\.json: .*allow it with --allow-edit package\.json$/,
    );
    expect(inPackage.check('packages/a/.npmrc')).toEqual({
      ok: false,
      reason: 'refusing to edit packages/a/.npmrc: it configures the package manager; allow it with --allow-edit .npmrc',
    });
    expect(inPackage.check('.npmrc')).toMatchObject({ reason: expect.stringMatching(/--allow-edit \.\.\/\.\.\/\.npmrc$/) });
  });

  it('reviews source files for verdict gaming, and leaves test files to --allow-test-edits', () => {
    expect(scope().review('src/a.ts', 'export const a = 1;\n', 'Object.is = () => true;\nexport const a = 1;\n')).toEqual([
      'refusing an edit to src/a.ts: it assigns to Object.is, a built-in the tests rely on',
    ]);
    expect(scope({ allowTestEdits: true }).review('test/a.test.ts', '', 'globalThis.fetch = async () => new Response();\n')).toEqual([]);
    expect(scope({ allowTestEdits: true }).review('test/helpers/mock-fetch.ts', '', 'globalThis.fetch = async () => new Response();\n')).toEqual([]);
    expect(scope().review('src/helpers/mock-fetch.ts', '', 'globalThis.fetch = async () => new Response();\n')).toHaveLength(1);
  });
});
