import { describe, expect, it } from 'vitest';
import { checkEditPath, matchesGlobs, type EditPathOptions } from './path-guard.js';

const options: EditPathOptions = { allowTestEdits: false, isTestFile: (rel) => /\.test\.ts$/.test(rel) };

function reasonFor(rel: string, extra: Partial<EditPathOptions> = {}): string {
  const result = checkEditPath(rel, { ...options, ...extra });
  if (result.ok) throw new Error(`expected ${rel} to be refused`);
  return result.reason;
}

describe('checkEditPath', () => {
  it.each([
    ['src/math.ts', 'src/math.ts'],
    ['./src/math.ts', 'src/math.ts'],
    ['src\\util\\math.ts', 'src/util/math.ts'],
    ['src/../lib/a.ts', 'lib/a.ts'],
    ['.env-loader.ts', '.env-loader.ts'],
  ])('allows %s as %s', (rel, path) => {
    expect(checkEditPath(rel, options)).toEqual({ ok: true, path });
  });

  it.each([
    ['../outside.ts', 'refused: ../outside.ts is outside the project'],
    ['a/../../x', 'refused: a/../../x is outside the project'],
    ['..\\x.ts', 'refused: ..\\x.ts is outside the project'],
    ['/etc/passwd', 'refused: /etc/passwd is an absolute path; edits name project-relative files'],
    ['C:\\Users\\x.ts', 'refused: C:\\Users\\x.ts is an absolute path; edits name project-relative files'],
    ['', "refused: '' is not a file path"],
    ['src/', 'refused: src/ is a directory, not a file'],
    ['node_modules/dep/index.js', 'refused: node_modules/dep/index.js is inside node_modules/, which redgreen never edits'],
    ['packages/a/node_modules/x.js', 'refused: packages/a/node_modules/x.js is inside node_modules/, which redgreen never edits'],
    ['.git/config', 'refused: .git/config is inside .git/, which redgreen never edits'],
    ['.redgreen/journal.db', 'refused: .redgreen/journal.db is inside .redgreen/, which redgreen never edits'],
    ['package-lock.json', 'refused: package-lock.json is a lockfile; change dependencies with your package manager'],
    ['web/yarn.lock', 'refused: web/yarn.lock is a lockfile; change dependencies with your package manager'],
    ['pnpm-lock.yaml', 'refused: pnpm-lock.yaml is a lockfile; change dependencies with your package manager'],
    ['bun.lockb', 'refused: bun.lockb is a lockfile; change dependencies with your package manager'],
    ['npm-shrinkwrap.json', 'refused: npm-shrinkwrap.json is a lockfile; change dependencies with your package manager'],
    ['.env', 'refused: .env is an environment file and may hold secrets'],
    ['config/.env.local', 'refused: config/.env.local is an environment file and may hold secrets'],
    ['test/math.test.ts', 'refused: test/math.test.ts is a test file; the tests are the specification (pass --allow-test-edits to allow)'],
  ])('refuses %s', (rel, reason) => {
    expect(reasonFor(rel)).toBe(reason);
  });

  it('allows test edits when asked to', () => {
    expect(checkEditPath('test/math.test.ts', { ...options, allowTestEdits: true })).toEqual({ ok: true, path: 'test/math.test.ts' });
  });

  it('refuses files outside the --src globs, listing them', () => {
    const src = ['src/**/*.ts', 'lib/*.js'];
    expect(checkEditPath('src/a/b.ts', { ...options, src })).toEqual({ ok: true, path: 'src/a/b.ts' });
    expect(reasonFor('scripts/build.ts', { src })).toBe('refused: scripts/build.ts is outside the --src scope (src/**/*.ts, lib/*.js)');
  });
});

describe('matchesGlobs', () => {
  it('matches POSIX and ./-prefixed paths, dotfiles included', () => {
    expect(matchesGlobs('./src/x.ts', ['src/**'])).toBe(true);
    expect(matchesGlobs('src/.hidden.ts', ['src/**'])).toBe(true);
    expect(matchesGlobs('lib/x.ts', ['src/**'])).toBe(false);
    expect(matchesGlobs('src/x.ts', [])).toBe(false);
  });
});
