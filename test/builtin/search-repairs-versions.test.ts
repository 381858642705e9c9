import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchRepairs } from '../../src/builtin/engine/search-repairs.js';
import { applyCandidate } from '../../src/builtin/schemata/apply-changes.js';
import type { TestId } from '../../src/core/test-report.js';
import { createVitestRunner } from '../../src/runner/vitest/vitest-runner.js';
import { copyFixtureWithVersion, frameworkVersions } from '../helpers/framework-version.js';

/** The engine on each vitest major, on the warm session: the patch it finds makes the failing tests pass. */
describe.each(frameworkVersions('vitest', [1, 2, 3, 4]).map((version) => [version.major, version] as const))(
  'searchRepairs on vitest %i',
  (_major, version) => {
    it('finds a patch that turns the failing tests green', async () => {
      const project = await copyFixtureWithVersion('vitest-candidates', version);
      try {
        const runner = createVitestRunner();
        const baseline = await runner.run(project.dir, { timeoutMs: 60_000 });
        const failing = baseline.results.filter((result) => result.status === 'failed');
        expect(failing.map((result) => result.id.name)).toContain('clamp > lowers values above the range');
        const files = new Map([['src/math.ts', await readFile(join(project.dir, 'src/math.ts'), 'utf8')]]);
        const testSources = new Map([['test/math.test.ts', await readFile(join(project.dir, 'test/math.test.ts'), 'utf8')]]);
        const result = await searchRepairs({
          root: project.dir,
          runner: 'vitest',
          files,
          testSources,
          failing,
          allTests: baseline.results.map((r): TestId => r.id),
          deadline: Date.now() + 150_000,
          testTimeoutMs: 10_000,
          baselineMs: baseline.durationMs,
          maxPlausible: 1,
        });
        const best = result.plausible[0];
        if (!best) throw new Error(`no plausible patch among ${result.tried} tried`);
        expect(result.coverage).toBe(true);
        const applied = applyCandidate(files, best);
        if (applied.status === 'invalid') throw new Error(applied.message);
        for (const [file, text] of applied.files) await writeFile(join(project.dir, file), text);
        const after = await runner.run(project.dir, { timeoutMs: 60_000, tests: failing.map((r) => r.id) });
        expect(after.results.map((r) => r.status)).toEqual(failing.map(() => 'passed'));
      } finally {
        await project.cleanup();
      }
    }, 200_000);
  },
);
