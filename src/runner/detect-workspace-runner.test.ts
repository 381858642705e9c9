import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import { ConfigError } from '../core/errors.js';
import { delegatesToPackages, detectWorkspaceRunnerName } from './detect-workspace-runner.js';

describe('detectWorkspaceRunnerName', () => {
  const dir = (): string => project?.dir ?? '';
  let project: TempProject | undefined;
  afterEach(async () => {
    await project?.cleanup();
    project = undefined;
  });

  it('knows root scripts that run each package separately', () => {
    for (const script of [
      'npm test --workspaces',
      'npm run test -ws',
      'pnpm -r test',
      'pnpm --filter "./packages/**" test',
      'yarn workspaces run test',
      'lerna run test',
      'turbo run test',
    ]) {
      expect(delegatesToPackages(script), script).toBe(true);
    }
    expect(delegatesToPackages('vitest run')).toBe(false);
  });

  it("uses a package's own runner, else the root's", async () => {
    project = await createTempProject({
      'package.json': '{"workspaces":["packages/*"],"scripts":{"test":"vitest run"}}',
      'packages/a/package.json': '{"name":"a","scripts":{"test":"jest"}}',
      'packages/b/package.json': '{"name":"b"}',
    });
    const detect = (subdir: string) => detectWorkspaceRunnerName({ root: dir(), subdir, workspace: true });
    expect(await detect('packages/a')).toBe('jest');
    expect(await detect('packages/b')).toBe('vitest');
    expect(await detect('')).toBe('vitest');
  });

  it('refuses a root that delegates to its packages, naming the way out', async () => {
    project = await createTempProject({ 'package.json': '{"workspaces":["packages/*"],"scripts":{"test":"npm test --workspaces"}}' });
    const run = detectWorkspaceRunnerName({ root: dir(), subdir: '', workspace: true });
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/Run redgreen in a package .*or pass --runner/);
    await expect(detectWorkspaceRunnerName({ root: dir(), subdir: join('packages', 'x'), workspace: true })).rejects.toThrow(ConfigError);
  });
});
