import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidationSession } from '../../src/builtin/harness/validation-session.js';
import { createValidationSession, hasValidationSession } from '../../src/builtin/harness/validation-session.js';
import { createRunner } from '../../src/runner/runner-registry.js';
import { instrumentCoverage } from '../../src/builtin/localize/instrument-coverage.js';
import type { CandidateVerdict } from '../../src/builtin/types.js';
import type { TestId } from '../../src/core/test-report.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixtureWithVersion, frameworkVersions } from '../helpers/framework-version.js';
import { candidateFactory } from './candidates.js';

const clampTests: TestId[] = [
  { file: 'test/math.test.ts', name: 'clamp > keeps values inside the range' },
  { file: 'test/math.test.ts', name: 'clamp > lowers values above the range' },
  { file: 'test/math.test.ts', name: 'clamp > raises values below the range' },
];

async function collect(iterable: AsyncIterable<CandidateVerdict>): Promise<Map<number, CandidateVerdict>> {
  const verdicts = new Map<number, CandidateVerdict>();
  for await (const verdict of iterable) verdicts.set(verdict.candidate, verdict);
  return verdicts;
}

describe.each(frameworkVersions('vitest', [1, 2, 3, 4]).map((version) => [version.major, version] as const))(
  'the warm session on vitest %i',
  (_major, version) => {
    let project: FixtureProject;
    let session: ValidationSession;
    beforeAll(async () => {
      project = await copyFixtureWithVersion('vitest-candidates', version);
      expect(hasValidationSession(createRunner('vitest'), project.dir)).toBe(true);
      session = await createValidationSession(createRunner('vitest'), {
        projectDir: project.dir,
        testTimeoutMs: 10_000,
        candidateTimeoutMs: 8_000,
        hitLimit: 100_000,
      });
    }, 180_000);
    afterAll(async () => {
      await session?.dispose();
      await project?.cleanup();
    }, 60_000);

    it('validates the fix plausible and a wrong candidate failed', async () => {
      const math = await candidateFactory(project.dir, 'src/math.ts');
      const fix = math.candidate(math.change('value < max', 'value > max'));
      const wrong = math.candidate(math.change('value < min', 'value > min'));
      const verdicts = await collect(session.validate([fix, wrong], () => clampTests));
      expect(verdicts.get(fix.id)).toMatchObject({ status: 'plausible', passed: 3 });
      expect(verdicts.get(wrong.id)).toMatchObject({ status: 'failed' });
    }, 120_000);

    it('measures per-test coverage', async () => {
      const math = await candidateFactory(project.dir, 'src/math.ts');
      const instrumented = instrumentCoverage('src/math.ts', math.text, 0);
      await session.load(new Map([['src/math.ts', instrumented.text]]));
      try {
        const matrix = await session.coverage({ sites: instrumented.sites, tests: clampTests });
        expect(matrix.tests.map((test) => test.id.name).sort()).toEqual(clampTests.map((id) => id.name).sort());
        expect(matrix.tests.every((test) => test.statements.length > 0)).toBe(true);
      } finally {
        await session.load(new Map());
      }
    }, 120_000);
  },
);
