import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../helpers/fixture-project.js';
import { searchReplace, writeReplies } from '../helpers/replies-file.js';
import { runCli } from '../helpers/run-cli.js';

interface JsonResult {
  readonly status: string;
  readonly steps: readonly { readonly outcome: string }[];
}

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

/** A temp folder with the vitest-basic fixture in `app/` (its node_modules linked), for configs around it. */
async function appInFolder(): Promise<{ root: string; app: string }> {
  root = await mkdtemp(join(tmpdir(), 'redgreen-config-e2e-'));
  const app = join(root, 'app');
  await cp(join(fixturesDir, 'vitest-basic'), app, { recursive: true });
  await symlink(join(repoRoot, 'node_modules'), join(app, 'node_modules'), 'dir');
  return { root, app };
}

/** Two replies that apply but fix nothing: with the default of 5 steps both would be tried. */
async function twoUselessReplies(): Promise<string> {
  const useless = searchReplace('src/math.ts', '  if (value < min) {', '  if (value < min) { // lower bound');
  const again = searchReplace('src/math.ts', '  if (value < max) {', '  if (value < max) { // upper bound');
  return writeReplies([useless, again]);
}

describe('config files', () => {
  it('finds a redgreen.config.ts in a parent folder from a subfolder project, defineConfig and all', async () => {
    const { root, app } = await appInFolder();
    const replies = await twoUselessReplies();
    // As if installed: the config imports 'redgreen' by name (this repository, built).
    await mkdir(join(root, 'node_modules'));
    await symlink(repoRoot, join(root, 'node_modules', 'redgreen'), 'dir');
    await writeFile(
      join(root, 'redgreen.config.ts'),
      [
        "import { defineConfig } from 'redgreen/config';",
        `const model: string = ${JSON.stringify(`scripted:${replies}`)};`,
        'export default defineConfig({ model, maxIter: 1 });',
        '',
      ].join('\n'),
    );
    const run = await runCli(['fix', '--dry-run', '--json'], { cwd: app });
    expect(run.code, run.stderr).toBe(1);
    const result = JSON.parse(run.stdout) as JsonResult;
    // Red after one scripted step: the built-in engine (the default) would have fixed it, 5 steps would be 2.
    expect(result.status).toBe('red');
    expect(result.steps.map((s) => s.outcome)).toEqual(['no-improvement']);
  });

  it('uses the file --config names, relative to the current directory, instead of searching', async () => {
    const { root, app } = await appInFolder();
    await writeFile(join(app, 'redgreen.config.json'), '{ "maxIters": 3 }\n');
    await mkdir(join(root, 'settings'));
    await writeFile(join(root, 'settings', 'ci.json'), JSON.stringify({ model: `scripted:${await twoUselessReplies()}`, maxIter: 1 }));
    const run = await runCli(['fix', 'app', '--config', 'settings/ci.json', '--dry-run', '--json'], { cwd: root });
    expect(run.code, run.stderr).toBe(1);
    expect((JSON.parse(run.stdout) as JsonResult).steps).toHaveLength(1);
  });

  it('reads a .mjs config with export default', async () => {
    const { app } = await appInFolder();
    await writeFile(join(app, 'redgreen.config.mjs'), `export default { model: ${JSON.stringify(`scripted:${await twoUselessReplies()}`)}, maxIter: 1 };\n`);
    const run = await runCli(['fix', app, '--dry-run', '--json']);
    expect(run.code, run.stderr).toBe(1);
    expect((JSON.parse(run.stdout) as JsonResult).steps).toHaveLength(1);
  });

  it('stops at a typo with exit code 2 and one line naming the file, the key and a suggestion', async () => {
    const { app } = await appInFolder();
    await writeFile(join(app, 'redgreen.config.json'), '{ "maxIters": 3 }\n');
    const run = await runCli(['fix', '--dry-run'], { cwd: app });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['error redgreen.config.json: unknown key "maxIters" — did you mean "maxIter"?']);
    expect(run.stdout).toBe('');

    await writeFile(join(app, 'redgreen.config.json'), '{ "testTimeout": "ten", "isolation": "tight" }\n');
    const wrongTypes = await runCli(['fix', '--dry-run'], { cwd: app });
    expect(wrongTypes.code).toBe(2);
    expect(wrongTypes.stderr).toContain('redgreen.config.json: testTimeout: expected a number of seconds, got "ten"\n');
    expect(wrongTypes.stderr).toContain('redgreen.config.json: isolation: expected strict, basic or off, got "tight"\n');
  });
});
