import { debug } from './debug.js';
import { detectWorkspaceRunnerName } from './runner/detect-workspace-runner.js';
import { runInPackage } from './runner/in-package.js';
import { createRunner } from './runner/runner-registry.js';
import type { TestRunner } from './core/test-runner.js';
import type { ProjectLocation } from './workspace/locate-project.js';
import { locateProject, toRootGlobs } from './workspace/locate-project.js';

/** Where a run works: what the sandbox copies, which runner the loop drives, and the user's globs made root-relative. */
export interface FixScope {
  readonly location: ProjectLocation;
  /** The runner as created (dispose this one). */
  readonly runner: TestRunner;
  /** The runner the loop uses: runs in the named package when it is one, ids relative to the root. */
  readonly loopRunner: TestRunner;
  /** `--tests`/`--src` globs, written relative to the named directory, relative to the root. */
  toRoot(globs: readonly string[]): string[];
}

/** Locates the project in its workspace (if any) and picks its runner: `spec`, or detected from the package and the root. */
export async function resolveFixScope(projectDir: string, spec: string | undefined): Promise<FixScope> {
  const location = await locateProject(projectDir);
  const name = spec ?? (await detectWorkspaceRunnerName({ root: location.root, subdir: location.subdir, workspace: location.workspace !== undefined }));
  debug(
    'resolve',
    `project root ${location.root}${location.subdir === '' ? '' : `, package ${location.subdir}`}${location.workspace === undefined ? '' : ' (workspace)'}; runner ${name}${spec === undefined ? ' (detected)' : ' (asked for)'}`,
  );
  const runner = createRunner(name);
  return {
    location,
    runner,
    loopRunner: location.subdir === '' ? runner : runInPackage(runner, location.subdir),
    toRoot: (globs) => toRootGlobs(location.subdir, globs),
  };
}
