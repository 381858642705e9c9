import { join } from 'node:path';
import type { TestRunner } from '../core/test-runner.js';

/**
 * Runs `runner` in a package of a workspace: given the sandbox root, the tests run with `<root>/<subdir>` as
 * their cwd while ids, files and frames stay relative to the root (`RunOptions.root`), so edits, diffs and
 * write-back name the same files wherever the tests ran.
 */
export function runInPackage(runner: TestRunner, subdir: string): TestRunner {
  return {
    name: runner.name,
    run: (root, options) => runner.run(join(root, subdir), { ...options, root: options.root ?? root }),
    dispose: async () => {
      await runner.dispose?.();
    },
  };
}
