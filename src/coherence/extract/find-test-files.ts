import { glob } from 'tinyglobby';
import { isTestFile } from '../../runner/is-test-file.js';

/** The runners whose conventions count: a file any of them would run is a test file. */
const runnerNames = ['vitest', 'jest', 'node-test', 'mocha', 'command'] as const;

const scriptPattern = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const ignored = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/.redgreen/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts'];

/**
 * Every test file of a project, project-relative and sorted: the scripts that any runner's conventions
 * (runner/is-test-file.ts) call a test file, outside node_modules, .git, dist and .redgreen.
 */
export async function findTestFiles(projectDir: string): Promise<string[]> {
  const scripts = await glob(scriptPattern, { cwd: projectDir, ignore: ignored, dot: false });
  return scripts.filter((file) => runnerNames.some((runner) => isTestFile(runner, file))).sort();
}
