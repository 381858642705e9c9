import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJestRunner } from '../../src/runner/jest/jest-runner.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';

describe('createJestRunner', () => {
  let project: FixtureProject | undefined;
  afterEach(async () => {
    await project?.cleanup();
    project = undefined;
  });

  it('reports a test file that does not parse as an error, not a throw', async () => {
    project = await copyFixture('jest-basic');
    await writeFile(join(project.dir, '__tests__/broken.test.js'), "test('x', () => {\n");
    const report = await createJestRunner().run(project.dir, { timeoutMs: 60_000 });
    expect(report.status).toBe('error');
    const message = report.status === 'error' ? report.message : '';
    expect(message).toMatch(/SyntaxError|Unexpected token|broken/);
    expect(message).not.toContain(project.dir);
  });
});
