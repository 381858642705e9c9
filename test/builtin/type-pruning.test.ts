import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchProgress } from '../../src/builtin/engine/search-repairs.js';
import { searchRepairs } from '../../src/builtin/engine/search-repairs.js';
import { applyCandidate } from '../../src/builtin/schemata/apply-changes.js';
import type { TestId } from '../../src/core/test-report.js';
import { createRunner } from '../../src/runner/runner-registry.js';
import { copyFixture, replaceCode } from '../helpers/fixture-project.js';

const sourceFile = 'src/invoice.ts';
const testFile = 'test/invoice.test.ts';

/** The engine's search on a project copy, with what it reported along the way. */
async function search(dir: string, runner: 'mocha' | 'vitest', typePruning?: boolean) {
  const baseline = await createRunner(runner).run(dir, { timeoutMs: 60_000 });
  const failing = baseline.results.filter((result) => result.status === 'failed');
  expect(failing.map((result) => result.id.name)).toContainEqual(expect.stringContaining('discounts a line of exactly the bulk quantity'));
  const files = new Map([[sourceFile, await readFile(join(dir, sourceFile), 'utf8')]]);
  const progress: SearchProgress[] = [];
  const result = await searchRepairs({
    root: dir,
    runner,
    files,
    testSources: new Map([[testFile, await readFile(join(dir, testFile), 'utf8')]]),
    failing,
    allTests: baseline.results.map((r): TestId => r.id),
    deadline: Date.now() + 150_000,
    testTimeoutMs: 20_000,
    baselineMs: baseline.durationMs,
    maxPlausible: 1,
    ...(typePruning === undefined ? {} : { typePruning }),
    onProgress: (p) => progress.push(p),
  });
  return { result, progress, files };
}

describe('type pruning in the built-in engine', () => {
  it('prunes candidates that add type errors before spawning mocha on a TypeScript project, and still finds the patch', async () => {
    const project = await copyFixture('mocha-typed');
    try {
      const { result, progress, files } = await search(project.dir, 'mocha');
      expect(result.pruned).toBeGreaterThan(0);
      expect(result.pruned).toBeLessThanOrEqual(result.tried);
      expect(progress.at(-1)).toMatchObject({ phase: 'done', pruned: result.pruned });
      const best = result.plausible[0];
      expect(best, `${result.tried} tried, ${result.pruned} pruned`).toBeDefined();
      const applied = applyCandidate(files, best!);
      if (applied.status !== 'applied') throw new Error(applied.message);
      await writeFile(join(project.dir, sourceFile), applied.files.get(sourceFile)!);
      const after = await createRunner('mocha').run(project.dir, { timeoutMs: 60_000 });
      expect(after.results.filter((r) => r.status === 'failed')).toEqual([]);
      expect(after.results.length).toBe(4);
    } finally {
      await project.cleanup();
    }
  }, 240_000);

  it('prunes nothing when told not to', async () => {
    const project = await copyFixture('mocha-typed');
    try {
      const { result } = await search(project.dir, 'mocha', false);
      expect(result.pruned).toBe(0);
      expect(result.plausible.length).toBe(1);
    } finally {
      await project.cleanup();
    }
  }, 240_000);

  it('does not type-check candidates on the warm vitest session, where a run costs less than the check', async () => {
    const project = await copyFixture('vitest-basic');
    try {
      // The same typed source and tests, run by vitest (its tsconfig.json is there too).
      const fixture = join(import.meta.dirname, '../../fixtures/projects/mocha-typed');
      const tests = await readFile(join(fixture, testFile), 'utf8');
      await replaceCode(project.dir, {
        [sourceFile]: await readFile(join(fixture, sourceFile), 'utf8'),
        [testFile]: `import { describe, it } from 'vitest';\n${tests}`,
      });
      const { result } = await search(project.dir, 'vitest');
      expect(result.coverage).toBe(true);
      expect(result.pruned).toBe(0);
      expect(result.plausible.length).toBeGreaterThan(0);
    } finally {
      await project.cleanup();
    }
  }, 240_000);
});
