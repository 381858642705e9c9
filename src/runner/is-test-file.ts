import picomatch from 'picomatch';

const commonPatterns = ['**/*.{test,spec}.{ts,tsx,js,mjs,cjs,jsx,mts,cts}', '**/__tests__/**'];

/** Where each runner's tests live by default; the workspace refuses edits to these files. */
const testFilePatterns = {
  vitest: commonPatterns,
  jest: commonPatterns,
  // node --test's own defaults: *.test.*, *-test.*, *_test.*, test-*.*, test.*, and everything under test/
  'node-test': [...commonPatterns, '**/*{-,_}test.{js,mjs,cjs}', '**/test-*.{js,mjs,cjs}', '**/test.{js,mjs,cjs}', '{test,tests}/**', '**/{test,tests}/**'],
  // mocha's default spec is ./test/*.{js,cjs,mjs}; projects configure spec/ or *.spec.* globs as often
  mocha: [...commonPatterns, '{test,tests,spec}/**', '**/{test,tests,spec}/**'],
  command: [...commonPatterns, '{test,tests}/**', '**/{test,tests}/**'],
} as const satisfies Record<string, readonly string[]>;

const matchers = new Map<string, (path: string) => boolean>();

function matcherFor(runnerName: string): (path: string) => boolean {
  const key = runnerName in testFilePatterns ? (runnerName as keyof typeof testFilePatterns) : 'command';
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = picomatch([...testFilePatterns[key]], { dot: true });
    matchers.set(key, matcher);
  }
  return matcher;
}

/**
 * Whether a project-relative path is a test file for the runner named `runnerName` (`vitest`, `jest`,
 * `node-test`, `mocha`, or `command:…`, which uses the broadest patterns).
 */
export function isTestFile(runnerName: string, path: string): boolean {
  const posix = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return matcherFor(runnerName.startsWith('command:') ? 'command' : runnerName)(posix);
}
