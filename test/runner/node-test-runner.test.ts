import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRunDir, runnerEnv } from '../../src/runner/core/run-dir.js';
import { runProcess } from '../../src/runner/core/run-process.js';
import type { RunnerEvent } from '../../src/runner/core/runner-events.js';
import { readEvents } from '../../src/runner/core/runner-events.js';
import { createNodeTestRunner, nodeTestLaunch } from '../../src/runner/node-test/node-test-runner.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';

async function launchEvents(cwd: string, files: readonly string[]): Promise<RunnerEvent[]> {
  const runDir = await createRunDir();
  try {
    const { args } = nodeTestLaunch({ timeoutMs: 30_000 }, files);
    await runProcess({ command: process.execPath, args, cwd, env: runnerEnv(undefined, runDir.eventsFile), timeoutMs: 30_000 });
    return await readEvents(runDir.eventsFile);
  } finally {
    await runDir.remove();
  }
}

describe('createNodeTestRunner', () => {
  let project: FixtureProject | undefined;
  afterEach(async () => {
    await project?.cleanup();
    project = undefined;
  });

  it('reports a test file with a missing import or a syntax error as an error of that file', async () => {
    project = await copyFixture('node-test-basic');
    await writeFile(
      join(project.dir, 'test/missing.test.js'),
      "import { it } from 'node:test';\nimport { gone } from '../src/gone.js';\n\nit('uses it', () => gone());\n",
    );
    await writeFile(join(project.dir, 'test/syntax.test.js'), "import { it } from 'node:test';\nit('x', () => {\n");
    const events = await launchEvents(project.dir, ['test/missing.test.js', 'test/syntax.test.js', 'test/stack.test.js']);
    const errors = events.filter((event) => event.type === 'error').map((event) => event.file);
    expect(errors).toContain(join(project.dir, 'test/missing.test.js'));
    expect(errors).toContain(join(project.dir, 'test/syntax.test.js'));
    expect(events.some((event) => event.type === 'result' && event.titles.at(-1) === 'starts empty')).toBe(true);
  });

  it('runs all but the excluded tests', async () => {
    project = await copyFixture('node-test-basic');
    const failing = { file: 'test/stack.test.js', name: 'Stack > peek > returns the top item' };
    const report = await createNodeTestRunner().run(project.dir, { timeoutMs: 30_000, exclude: [failing] });
    expect(report.status).toBe('complete');
    expect(report.results.map((result) => result.id.name)).not.toContain(failing.name);
    expect(report.results.filter((result) => result.status === 'passed').map((result) => result.id.name)).toEqual(
      expect.arrayContaining(['Stack > starts empty', 'Stack > peek > does not remove the item']),
    );
  });
});
