import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkLaunch } from '../../src/runner/core/run-with-reporter.js';
import { createRunDir, runnerEnv } from '../../src/runner/core/run-dir.js';
import { runProcess } from '../../src/runner/core/run-process.js';
import type { RunnerEvent } from '../../src/runner/core/runner-events.js';
import { readEvents } from '../../src/runner/core/runner-events.js';
import { createJestRunner, jestLaunch } from '../../src/runner/jest/jest-runner.js';
import type { RunOptions, TestRunner } from '../../src/core/test-runner.js';
import type { TestId } from '../../src/core/test-report.js';
import { createVitestRunner, vitestLaunch } from '../../src/runner/vitest/vitest-runner.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import type { FrameworkVersion } from '../helpers/framework-version.js';
import { copyFixtureWithVersion, frameworkVersions } from '../helpers/framework-version.js';

interface VersionCase {
  readonly version: FrameworkVersion;
  readonly fixture: string;
  readonly runner: () => TestRunner;
  readonly launch: (cwd: string, options: RunOptions, files: readonly string[] | undefined) => FrameworkLaunch;
  readonly failing: TestId;
  readonly passing: readonly TestId[];
  /** A test file whose import cannot be resolved, and one with two tests of one title. */
  readonly broken: readonly [file: string, text: string];
  readonly duplicates: readonly [file: string, text: string];
}

const mathFile = 'test/math.test.ts';
const vitestCases = frameworkVersions('vitest', [1, 2, 3, 4]).map((version): VersionCase => ({
  version,
  fixture: 'vitest-basic',
  runner: createVitestRunner,
  launch: vitestLaunch,
  failing: { file: mathFile, name: 'clamp > keeps values inside the range' },
  passing: [
    { file: mathFile, name: 'sum > adds numbers' },
    { file: mathFile, name: 'clamp > raises values below the range' },
  ],
  broken: ['test/broken.test.ts', "import { it } from 'vitest';\nimport { missing } from '../src/missing.js';\n\nit('uses it', () => missing());\n"],
  duplicates: ['test/twice.test.ts', "import { expect, it } from 'vitest';\n\nit('same', () => {});\nit('same', () => {\n  expect(1).toBe(2);\n});\n"],
}));

const stringsFile = '__tests__/strings.test.js';
const jestCases = frameworkVersions('jest', [27, 28, 29, 30]).map((version): VersionCase => ({
  version,
  fixture: 'jest-basic',
  runner: createJestRunner,
  launch: jestLaunch,
  failing: { file: stringsFile, name: 'truncate > cuts long text to the limit, ellipsis included' },
  passing: [
    { file: stringsFile, name: 'capitalize > upper-cases the first letter' },
    { file: stringsFile, name: 'truncate > keeps short text' },
  ],
  broken: ['__tests__/broken.test.js', "const { missing } = require('../src/missing');\n\ntest('uses it', () => missing());\n"],
  duplicates: ['__tests__/twice.test.js', "test('same', () => {});\ntest('same', () => {\n  expect(1).toBe(2);\n});\n"],
}));

/** Runs the adapter's launch directly, to see the events its reporter writes. */
async function launchEvents(testCase: VersionCase, cwd: string): Promise<RunnerEvent[]> {
  const runDir = await createRunDir();
  try {
    const { args, env } = testCase.launch(cwd, { timeoutMs: 60_000 }, undefined);
    await runProcess({ command: process.execPath, args, cwd, env: { ...runnerEnv(undefined, runDir.eventsFile), ...env }, timeoutMs: 60_000 });
    return await readEvents(runDir.eventsFile);
  } finally {
    await runDir.remove();
  }
}

describe.each([...vitestCases, ...jestCases].map((testCase) => [`${testCase.version.framework} ${testCase.version.major}`, testCase] as const))(
  '%s',
  (_name, testCase) => {
    let project: FixtureProject;
    const file = testCase.failing.file;
    beforeAll(async () => {
      project = await copyFixtureWithVersion(testCase.fixture, testCase.version);
    });
    afterAll(() => project.cleanup());
    const run = (options: Omit<RunOptions, 'timeoutMs'>) => testCase.runner().run(project.dir, { timeoutMs: 60_000, ...options });

    it('finds the failing test with its message and a frame, and the passing ones', async () => {
      const report = await run({ files: [file] });
      expect(report.status).toBe('complete');
      const failed = report.results.find((result) => result.id.name === testCase.failing.name);
      expect(failed?.status).toBe('failed');
      expect(failed?.failure?.message).not.toBe('');
      expect(failed?.failure?.frames.some((frame) => frame.file === file)).toBe(true);
      for (const id of testCase.passing) expect(report.results.find((result) => result.id.name === id.name)?.status).toBe('passed');
    });

    it('runs a subset by id', async () => {
      const report = await run({ tests: [testCase.failing] });
      expect(report.results.map((result) => result.id)).toEqual([testCase.failing]);
    });

    it('runs all but the excluded tests', async () => {
      const report = await run({ files: [file], exclude: [testCase.failing] });
      expect(report.status).toBe('complete');
      expect(report.results.some((result) => result.id.name === testCase.failing.name)).toBe(false);
      expect(report.results.filter((result) => result.status === 'passed').length).toBeGreaterThanOrEqual(testCase.passing.length);
    });

    it('reports a file that fails to import as an error of that file, and two results for two tests of one title', async () => {
      await writeFile(join(project.dir, testCase.broken[0]), testCase.broken[1]);
      await writeFile(join(project.dir, testCase.duplicates[0]), testCase.duplicates[1]);
      const scoped = await run({ files: [file] });
      expect(scoped.results.every((result) => result.id.file === file)).toBe(true);
      const events = await launchEvents(testCase, project.dir);
      const errors = events.filter((event) => event.type === 'error');
      expect(errors.map((event) => event.file)).toContain(join(project.dir, testCase.broken[0]));
      const twice = events.filter((event) => event.type === 'result' && event.file.endsWith(testCase.duplicates[0]));
      expect(new Set(twice.map((event) => (event.type === 'result' ? `${event.id}:${event.status}` : ''))).size).toBe(2);
    });
  },
);
