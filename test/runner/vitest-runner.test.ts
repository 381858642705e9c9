import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createVitestRunner } from '../../src/runner/vitest/vitest-runner.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';

describe('createVitestRunner', () => {
  let project: FixtureProject | undefined;
  afterEach(async () => {
    await project?.cleanup();
    project = undefined;
  });

  it('maps frames through source maps to the TypeScript source line that threw', async () => {
    project = await copyFixture('vitest-basic');
    await writeFile(
      join(project.dir, 'src/parse.ts'),
      [
        'interface Parsed {',
        '  readonly value: number;',
        '}',
        '',
        'export function parse(text: string): Parsed {',
        '  throw new Error(`cannot parse ${text}`);',
        '}',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(project.dir, 'test/parse.test.ts'),
      "import { expect, it } from 'vitest';\nimport { parse } from '../src/parse.js';\n\nit('parses', () => {\n  expect(parse('1').value).toBe(1);\n});\n",
    );
    const id = { file: 'test/parse.test.ts', name: 'parses' };
    const report = await createVitestRunner().run(project.dir, { timeoutMs: 60_000, tests: [id] });
    expect(report.results).toHaveLength(1);
    const failure = report.results[0]?.failure;
    expect(failure?.message).toBe('cannot parse 1');
    expect(failure?.frames[0]).toMatchObject({ file: 'src/parse.ts', line: 6 });
    expect(failure?.frames[1]).toMatchObject({ file: 'test/parse.test.ts', line: 5 });
  });

  it('reports a test file that does not compile as an error, not a throw', async () => {
    project = await copyFixture('vitest-basic');
    await writeFile(join(project.dir, 'test/broken.test.ts'), "import { it } from 'vitest';\nit('x', () => {\n");
    const report = await createVitestRunner().run(project.dir, { timeoutMs: 60_000 });
    expect(report.status).toBe('error');
    expect(report.status === 'error' ? report.message : '').toMatch(/test\/broken\.test\.ts|Transform failed|Expected/);
    expect(report.results.some((result) => result.status === 'failed')).toBe(true);
  });
});
