import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../helpers/fixture-project.js';
import { fixJsonResultSchema, parseJsonOutput } from '../helpers/json-contract-schema.js';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let work: string;
let tarball: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'redgreen-package-'));
  // --ignore-scripts: dist/ is already built (global setup); prepack's clean rebuild would pull it from under
  // the e2e tests running beside this one.
  await run(npm, ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: repoRoot });
  const name = (await readdir(work)).find((file) => file.endsWith('.tgz'));
  if (name === undefined) throw new Error(`npm pack wrote no tarball in ${work}`);
  tarball = join(work, name);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the package as users get it', () => {
  it('ships the CLI, the library and its LICENSE; no tests, test helpers or source maps', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.split('\n').filter((line) => line !== '');
    expect(files).toContain('package/bin/redgreen.js');
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/testing.d.ts');
    expect(files).toContain('package/dist/cli/json-contract.d.ts');
    expect(files).toContain('package/LICENSE');
    expect(files.filter((file) => /\.test\.|\.map$|expect-mutation|^package\/(src|test|fixtures|bench|scripts)\//.test(file))).toEqual([]);
  });

  it('npx --package <tgz> redgreen fix goes green on a fresh vitest project', async () => {
    const project = join(work, 'project');
    await cp(join(fixturesDir, 'vitest-basic'), project, { recursive: true });
    // The project's own vitest: the repository's install stands in for `npm install` (no network needed).
    await symlink(join(repoRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
    const env = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' };
    const result = await run(npx, ['--yes', '--prefer-offline', '--package', tarball, 'redgreen', 'fix', '--yes', '--json', '--verbose'], {
      cwd: project,
      env,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; code?: number }) => {
      throw new Error(`redgreen fix exited ${error.code}\n${error.stderr ?? ''}\n${error.stdout ?? ''}`);
    });
    // The CLI that ran is the installed package's, not this checkout's (--verbose names the runtime files used).
    expect(result.stderr).toMatch(/node_modules\/redgreen\/dist\/runner\/vitest\/runtime\/reporter\.mjs/);
    expect(result.stderr).not.toContain(join(repoRoot, 'dist'));
    const json = fixJsonResultSchema.parse(parseJsonOutput(result.stdout));
    expect(json).toMatchObject({ status: 'green', exitCode: 0, delivery: { kind: 'applied', files: ['src/math.ts'] } });
    expect(await readFile(join(project, 'src/math.ts'), 'utf8')).toMatch(/if \(value >=? max\) \{/);
  }, 240_000);
});
