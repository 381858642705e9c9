import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TempProject } from '../../test/helpers/temp-project.js';
import { createTempProject } from '../../test/helpers/temp-project.js';
import { testsNeedScaffold } from './tests-need-scaffold.js';

let temp: TempProject | undefined;
afterEach(async () => {
  await temp?.cleanup();
  temp = undefined;
});

async function project(files: Record<string, string>): Promise<string> {
  temp = await createTempProject(files, 'redgreen-need-scaffold-');
  return temp.dir;
}

const test = "import { expect, it } from 'vitest';\nimport { add } from '../src/math.js';\nit('adds', () => expect(add(1, 2)).toBe(3));\n";

describe('testsNeedScaffold', () => {
  it('says yes for a module that does not exist', async () => {
    const root = await project({ 'tsconfig.json': '{}', 'test/math.test.ts': test });
    expect(await testsNeedScaffold(root, ['test/math.test.ts'])).toBe(true);
  });

  it('says yes for a name the module does not mention', async () => {
    const root = await project({ 'tsconfig.json': '{}', 'test/math.test.ts': test, 'src/math.ts': 'export const sub = (a: number, b: number) => a - b;\n' });
    expect(await testsNeedScaffold(root, ['test/math.test.ts'])).toBe(true);
  });

  it('says no when every module resolves and mentions every name (.js specifiers map to .ts)', async () => {
    const root = await project({ 'tsconfig.json': '{}', 'test/math.test.ts': test, 'src/math.ts': 'export const add = (a: number, b: number) => a - b;\n' });
    expect(await testsNeedScaffold(root, ['test/math.test.ts'])).toBe(false);
  });

  it('ignores packages and test frameworks, and CommonJS requires count like imports', async () => {
    const cjs = "const assert = require('node:assert');\nconst { slugify } = require('../lib/slug');\n";
    const root = await project({ 'test/slug.test.js': cjs, 'lib/slug.js': 'exports.slug = (s) => s;\n' });
    expect(await testsNeedScaffold(root, ['test/slug.test.js'])).toBe(true);
    await writeFile(join(root, 'lib/slug.js'), 'exports.slugify = (s) => s;\n');
    expect(await testsNeedScaffold(root, ['test/slug.test.js'])).toBe(false);
  });
});
