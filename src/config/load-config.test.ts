import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, describeError } from '../core/errors.js';
import { loadConfig } from './load-config.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** A temp dir holding `files` (paths may have folders); returns its path. */
async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'redgreen-config-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

const schemaSource = fileURLToPath(new URL('./define-config.ts', import.meta.url));

describe('loadConfig', () => {
  it('reads redgreen.config.json before the redgreen key of package.json', async () => {
    const d = await project({ 'redgreen.config.json': '{"model":"openai:gpt-4o","maxIter":3}', 'package.json': '{"redgreen":{"model":"x"}}' });
    expect(await loadConfig(d)).toEqual({ config: { model: 'openai:gpt-4o', maxIter: 3 }, source: join(d, 'redgreen.config.json') });
  });

  it('falls back to the redgreen key of package.json, then to nothing', async () => {
    expect((await loadConfig(await project({ 'package.json': '{"redgreen":{"temperature":0.2}}' }))).config).toEqual({ temperature: 0.2 });
    expect(await loadConfig(await project({ 'package.json': '{}' }))).toEqual({ config: {} });
  });

  it('finds the nearest config searching upward, past package.json files without the key', async () => {
    const d = await project({
      'redgreen.config.json': '{"maxIter":9}',
      'packages/a/redgreen.config.mjs': 'export default { maxIter: 2 };\n',
      'packages/b/package.json': '{"name":"b"}',
      'packages/b/src/index.ts': '',
    });
    expect(await loadConfig(join(d, 'packages/a'))).toMatchObject({ config: { maxIter: 2 }, source: join(d, 'packages/a/redgreen.config.mjs') });
    expect(await loadConfig(join(d, 'packages/b'))).toMatchObject({ config: { maxIter: 9 }, source: join(d, 'redgreen.config.json') });
  });

  it('does not search past the repository root', async () => {
    const d = await project({ 'redgreen.config.json': '{"maxIter":9}', 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/app/package.json': '{}' });
    expect(await loadConfig(join(d, 'repo/app'))).toEqual({ config: {} });
    await writeFile(join(d, 'repo/redgreen.config.json'), '{"maxIter":4}');
    expect((await loadConfig(join(d, 'repo/app'))).config).toEqual({ maxIter: 4 });
  });

  it('loads a TypeScript config that imports defineConfig', async () => {
    const d = await project({
      'redgreen.config.ts': [
        `import { defineConfig } from ${JSON.stringify(schemaSource)};`,
        "const isolation: 'basic' | 'strict' = 'basic';",
        'export default defineConfig({ maxIter: 3, isolation, passEnv: ["DATABASE_URL"] });',
      ].join('\n'),
    });
    expect(await loadConfig(d)).toEqual({ config: { maxIter: 3, isolation: 'basic', passEnv: ['DATABASE_URL'] }, source: join(d, 'redgreen.config.ts') });
  });

  it('loads .mts, .cjs and .js configs', async () => {
    const d = await project({
      'a/redgreen.config.mts': 'const n: number = 1;\nexport default { maxIter: n };\n',
      'b/redgreen.config.cjs': 'module.exports = { maxIter: 2 };\n',
    });
    expect((await loadConfig(join(d, 'a'))).config).toEqual({ maxIter: 1 });
    expect((await loadConfig(join(d, 'b'))).config).toEqual({ maxIter: 2 });
    await writeFile(join(d, 'b/package.json'), '{"type":"module"}');
    await writeFile(join(d, 'b/redgreen.config.js'), 'export default { maxIter: 5 };\n');
    expect((await loadConfig(join(d, 'b'))).config).toEqual({ maxIter: 5 });
  });

  it('uses the file it is given, relative to cwd, instead of searching', async () => {
    const d = await project({ 'redgreen.config.json': '{"maxIter":9}', 'settings/ci.json': '{"maxIter":1}' });
    expect(await loadConfig(d, { file: 'settings/ci.json', cwd: d })).toEqual({ config: { maxIter: 1 }, source: join(d, 'settings/ci.json') });
    await expect(loadConfig(d, { file: 'settings/none.json', cwd: d })).rejects.toThrow('--config: settings/none.json does not exist');
    await writeFile(join(d, 'settings/ci.yaml'), 'maxIter: 1\n');
    await expect(loadConfig(d, { file: 'settings/ci.yaml', cwd: d })).rejects.toThrow(/--config: settings\/ci\.yaml: expected a \.ts, .* or \.json file/);
  });

  it('says what is wrong in one line per problem, naming the file and the key, with a suggestion for a typo', async () => {
    const d = await project({ 'redgreen.config.json': '{"maxIters":3,"testTimeout":"ten","isolation":"tight","dryRun":true,"colour":"red"}' });
    const error = await loadConfig(d, { cwd: d }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message.split('\n')).toEqual([
      'redgreen.config.json: testTimeout: expected a number of seconds, got "ten"',
      'redgreen.config.json: isolation: expected strict, basic or off, got "tight"',
      'redgreen.config.json: unknown key "maxIters" — did you mean "maxIter"?',
      'redgreen.config.json: "dryRun" is for the command line only (--dry-run), not a config file',
      'redgreen.config.json: unknown key "colour"',
    ]);
    expect((error as Error).cause).toBeUndefined();
  });

  it('names package.json#redgreen and nested keys', async () => {
    const d = await project({ 'package.json': '{"redgreen":{"prices":{"openai:gpt-4o":{"input":"cheap","output":1}},"pass-env":["X"]}}' });
    await expect(loadConfig(d, { cwd: d })).rejects.toThrow(
      'package.json#redgreen: prices.openai:gpt-4o.input: expected USD per million tokens, got "cheap"\npackage.json#redgreen: unknown key "pass-env" — did you mean "passEnv"?',
    );
  });

  it("refuses durations past Node's timer limit, which would fire at once", async () => {
    const d = await project({ 'redgreen.config.json': '{"testTimeout":3000000}' });
    await expect(loadConfig(d)).rejects.toThrow(/testTimeout: expected at most 2147483 seconds \(about 24 days\), got 3000000/);
  });

  it('rejects broken JSON and modules that do not load or export settings, with the file name', async () => {
    await expect(loadConfig(await project({ 'redgreen.config.json': '{' }))).rejects.toThrow(/redgreen\.config\.json is not valid JSON/);
    await expect(loadConfig(await project({ 'redgreen.config.mjs': 'export default (' }))).rejects.toThrow(/redgreen\.config\.mjs could not be loaded/);
    const error = await loadConfig(await project({ 'redgreen.config.mjs': 'export default () => ({});' })).catch((e: unknown) => e);
    expect(describeError(error)).toMatch(/redgreen\.config\.mjs could not be loaded: expected the settings object as the default export, got function$/);
  });

  it('accepts the $schema key editors use', async () => {
    const d = await project({ 'redgreen.config.json': '{"$schema":"./node_modules/redgreen/schema/redgreen.config.schema.json","maxIter":2}' });
    expect((await loadConfig(d)).config).toMatchObject({ maxIter: 2 });
  });
});
