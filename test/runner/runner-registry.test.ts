import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { createRunner, detectRunner, isTestFile, runnerNames } from '../../src/runner/runner-registry.js';

const dirs: string[] = [];
async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'redgreen-detect-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}
const pkg = (value: object): string => JSON.stringify(value);

describe('runner registry', () => {
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('creates the built-in runners and command runners by name', () => {
    expect(runnerNames).toEqual(['vitest', 'jest', 'node-test', 'mocha']);
    for (const name of runnerNames) expect(createRunner(name).name).toBe(name);
    expect(createRunner('command:make check').name).toBe('command:make check');
  });

  it('refuses an unknown name, listing the valid ones', () => {
    expect(() => createRunner('jasmine')).toThrow(ConfigError);
    expect(() => createRunner('jasmine')).toThrow(/vitest, jest, node-test, mocha, command:<cmd>/);
    expect(() => createRunner('command:')).toThrow(ConfigError);
  });

  it.each([
    ['the test script', { 'package.json': pkg({ scripts: { test: 'vitest run' } }) }, 'vitest'],
    ['a node --test script', { 'package.json': pkg({ scripts: { test: 'node --test test/' } }) }, 'node-test'],
    ['a jest config file', { 'package.json': pkg({}), 'jest.config.js': 'module.exports = {};' }, 'jest'],
    ['a vitest config file', { 'package.json': pkg({}), 'vitest.config.mts': 'export default {};' }, 'vitest'],
    ['a vite config with test', { 'package.json': pkg({}), 'vite.config.ts': 'export default { test: {} };' }, 'vitest'],
    ['a jest key in package.json', { 'package.json': pkg({ jest: { testEnvironment: 'node' } }) }, 'jest'],
    ['a dev dependency', { 'package.json': pkg({ devDependencies: { jest: '^30.0.0' } }) }, 'jest'],
    ['a mocha script', { 'package.json': pkg({ scripts: { test: 'mocha --exit' } }) }, 'mocha'],
    ['a .mocharc file', { 'package.json': pkg({ scripts: { test: 'npm run unit' } }), '.mocharc.yml': 'spec: spec/**/*.js' }, 'mocha'],
    ['a mocha dev dependency', { 'package.json': pkg({ devDependencies: { mocha: '^11.0.0', chai: '^5.0.0' } }) }, 'mocha'],
    ['jest before mocha among the dependencies', { 'package.json': pkg({ devDependencies: { mocha: '^11.0.0', jest: '^30.0.0' } }) }, 'jest'],
    ['only a test script', { 'package.json': pkg({ scripts: { test: 'make test' } }) }, 'command:npm test'],
  ])('detects from %s', async (_label, files, expected) => {
    expect((await detectRunner(await project(files))).name).toBe(expected);
  });

  it('asks for --runner when nothing tells', async () => {
    const dir = await project({ 'package.json': pkg({ scripts: { test: 'echo "Error: no test specified" && exit 1' } }) });
    await expect(detectRunner(dir)).rejects.toThrow(/--runner/);
    await expect(detectRunner(await project({}))).rejects.toThrow(ConfigError);
  });

  it('throws ConfigError naming the package when the project has no copy of the framework', async () => {
    const dir = await project({ 'package.json': pkg({ scripts: { test: 'jest' } }) });
    await expect(createRunner('jest').run(dir, { timeoutMs: 10_000 })).rejects.toThrow(ConfigError);
    await expect(createRunner('vitest').run(dir, { timeoutMs: 10_000 })).rejects.toThrow(/npm install --save-dev vitest/);
  });

  it('re-exports isTestFile', () => {
    expect(isTestFile('vitest', 'test/a.test.ts')).toBe(true);
  });
});
