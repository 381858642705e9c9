import picomatch from 'picomatch';

/**
 * Why a file is off limits to edits by default. `test-data`: part of the specification, like the tests
 * (snapshots, fixtures, test configuration); `--allow-test-edits` unlocks them. `runs-code`: it runs code or
 * changes dependencies outside the tests (package manager settings, git hooks, CI, redgreen's own config);
 * only `--allow-edit <glob>` unlocks them, file by file.
 */
export type ProtectionKind = 'test-data' | 'runs-code';

export interface Protection {
  readonly kind: ProtectionKind;
  /** What the file does, completing "it …": `configures the package manager`. */
  readonly what: string;
}

interface PathRule extends Protection {
  readonly globs: readonly string[];
}

const anywhere = (names: readonly string[]) => names.map((name) => `**/${name}`);

const pathRules: readonly PathRule[] = [
  { kind: 'test-data', what: 'is a test snapshot, part of the specification', globs: anywhere(['__snapshots__/**', '*.snap']) },
  { kind: 'test-data', what: 'is test data, part of the specification', globs: anywhere(['__fixtures__/**', '__mocks__/**']) },
  {
    kind: 'test-data',
    what: 'configures how the tests run',
    globs: anywhere([
      'vitest.config.*',
      'vitest.workspace.*',
      'vite.config.*',
      'jest.config.*',
      '.mocharc*',
      'ava.config.*',
      'karma.conf.*',
      'playwright.config.*',
      'cypress.config.*',
      'vitest.setup.*',
      'jest.setup.*',
      'setupTests.*',
      'babel.config.*',
      '.babelrc*',
      '.swcrc',
    ]),
  },
  { kind: 'test-data', what: 'configures how the tests compile', globs: anywhere(['tsconfig*.json', 'jsconfig*.json']) },
  {
    kind: 'runs-code',
    what: 'configures the package manager',
    globs: anywhere(['.npmrc', '.yarnrc', '.yarnrc.yml', '.yarn/**', '.pnpmfile.*', 'pnpm-workspace.yaml', 'bunfig.toml']),
  },
  {
    kind: 'runs-code',
    what: 'holds git hooks, which run code',
    globs: anywhere([
      '.husky/**',
      '.githooks/**',
      'lefthook*.yml',
      '.lefthook*.yml',
      '.pre-commit-config.yaml',
      '.simple-git-hooks*',
      '.lintstagedrc*',
      'lint-staged.config.*',
      '.gitmodules',
    ]),
  },
  {
    kind: 'runs-code',
    what: 'configures continuous integration, which runs code',
    globs: anywhere([
      '.github/**',
      '.gitlab-ci.yml',
      '.gitlab/**',
      '.circleci/**',
      'azure-pipelines.yml',
      'Jenkinsfile',
      '.travis.yml',
      '.buildkite/**',
      'bitbucket-pipelines.yml',
      '.drone.yml',
      'appveyor.yml',
      '.appveyor.yml',
    ]),
  },
  { kind: 'runs-code', what: "is redgreen's own configuration, which names the commands it runs", globs: anywhere(['redgreen.config.*']) },
  { kind: 'runs-code', what: 'runs shell code when you enter the directory', globs: anywhere(['.envrc']) },
  {
    kind: 'runs-code',
    what: 'runs build commands',
    globs: anywhere(['Dockerfile', '*.dockerfile', 'docker-compose*.y*ml', 'compose.y*ml', 'Makefile', 'GNUmakefile', 'justfile', 'Taskfile.y*ml']),
  },
  { kind: 'runs-code', what: 'configures your editor, which can run tasks', globs: anywhere(['.vscode/**', '.devcontainer/**', '.idea/**']) },
];

const compiled = pathRules.map((rule) => ({ rule, matches: picomatch([...rule.globs], { dot: true, nocase: true }) }));

/** Folders that hold tests, and folders that hold the product's own code. */
const testDirs: ReadonlySet<string> = new Set(['test', 'tests', '__tests__', '__test__', 'spec', 'specs', 'e2e']);
const sourceDirs: ReadonlySet<string> = new Set(['src', 'lib']);
const dataDirs: ReadonlySet<string> = new Set(['fixtures', 'testdata', 'test-data', 'test_data']);

/** The protection of a normalized project-relative POSIX path, if it has one. */
export function protectionOf(path: string): Protection | undefined {
  const hit = compiled.find(({ matches }) => matches(path));
  if (hit !== undefined) return { kind: hit.rule.kind, what: hit.rule.what };
  if (isInDataDir(path)) return { kind: 'test-data', what: 'is test data, part of the specification' };
  // Helpers beside the tests (`test/helpers/expect-close.ts`) decide verdicts as much as the tests do.
  const folder = path
    .toLowerCase()
    .split('/')
    .slice(0, -1)
    .find((dir) => testDirs.has(dir));
  if (folder !== undefined) return { kind: 'test-data', what: `is test code in a ${folder}/ folder, part of the specification` };
  return undefined;
}

/**
 * A `fixtures/` or `testdata/` folder holds test data when a test folder encloses it (`test/fixtures/`,
 * `src/__tests__/fixtures/`) or no source folder does (`fixtures/` at the top, `packages/a/fixtures/`);
 * under `src/` or `lib/` alone it is the product's own code (a library of fixtures, say).
 */
function isInDataDir(path: string): boolean {
  const dirs = path.toLowerCase().split('/').slice(0, -1);
  const at = dirs.findIndex((dir) => dataDirs.has(dir));
  if (at < 0) return false;
  const above = dirs.slice(0, at);
  return above.some((dir) => testDirs.has(dir)) || !above.some((dir) => sourceDirs.has(dir));
}

/** Whether `--allow-edit` globs name `path` or a folder above it (`.husky` allows `.husky/pre-commit`). */
export function createAllowEdit(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const matches = picomatch(
    globs.map((glob) => glob.replace(/^\.\//, '').replace(/\/+$/, '')),
    { dot: true },
  );
  return (path) => {
    const segments = path.split('/');
    return segments.some((_, i) => matches(segments.slice(0, i + 1).join('/')));
  };
}

/** The refusal for editing a protected file, naming the flag that allows it (with the path as the user types it). */
export function protectedRefusal(path: string, protection: Protection, typed = path): string {
  const flag = protection.kind === 'test-data' ? '--allow-test-edits' : `--allow-edit ${typed}`;
  return `refusing to edit ${path}: it ${protection.what}; allow it with ${flag}`;
}
