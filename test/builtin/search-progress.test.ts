import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchRepairs } from '../../src/builtin/engine/search-repairs.js';
import type { SearchProgress } from '../../src/builtin/engine/search-repairs.js';
import type { TestId } from '../../src/core/test-report.js';
import { createVitestRunner } from '../../src/runner/vitest/vitest-runner.js';
import { copyFixture, replaceCode } from '../helpers/fixture-project.js';

// Two independent faults on one line: no single edit passes the test, so the search goes on to pairs.
const source = 'export function total(a: number, b: number): number {\n  return (a - b) * 3;\n}\n';
const test =
  "import { expect, it } from 'vitest';\nimport { total } from '../src/total.js';\n\nit('doubles the sum', () => {\n  expect(total(2, 3)).toBe(10);\n});\n";

describe('searchRepairs progress', () => {
  it('never reports more candidates validated than the phase holds, pairs included', async () => {
    const project = await copyFixture('vitest-basic');
    try {
      await replaceCode(project.dir, { 'src/total.ts': source, 'test/total.test.ts': test });
      const baseline = await createVitestRunner().run(project.dir, { timeoutMs: 60_000 });
      const failing = baseline.results.filter((result) => result.status === 'failed');
      expect(failing).toHaveLength(1);
      const progress: SearchProgress[] = [];
      await searchRepairs({
        root: project.dir,
        runner: 'vitest',
        files: new Map([['src/total.ts', await readFile(join(project.dir, 'src/total.ts'), 'utf8')]]),
        testSources: new Map([['test/total.test.ts', test]]),
        failing,
        allTests: baseline.results.map((r): TestId => r.id),
        deadline: Date.now() + 120_000,
        testTimeoutMs: 10_000,
        baselineMs: baseline.durationMs,
        maxPlausible: 1,
        onProgress: (p) => progress.push(p),
      });
      const singles = progress.filter((p) => p.phase === 'validating');
      const pairs = progress.filter((p) => p.phase === 'pairs');
      expect(singles.length).toBeGreaterThan(0);
      // The case this guards: pairs are counted on their own, not on top of the singles before them.
      expect(pairs.length).toBeGreaterThan(0);
      for (const p of progress) expect(p.tried, `${p.phase} ${p.tried}/${p.total}`).toBeLessThanOrEqual(p.total);
      expect(pairs[0]?.tried).toBe(1);
      expect(progress.at(-1)?.phase).toBe('done');
    } finally {
      await project.cleanup();
    }
  }, 200_000);
});
