import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { detectRunnerName } from './detect-runner.js';

export interface WorkspaceRunnerOptions {
  /** The directory the sandbox copies: the workspace root, or the project outside a workspace. */
  readonly root: string;
  /** The directory the user named, relative to `root`; `''` for the root itself. */
  readonly subdir: string;
  /** Whether `root` declares workspaces. */
  readonly workspace: boolean;
}

/** A `test` script that runs each package's own tests rather than one framework from the root. */
const delegating =
  /--workspaces?\b|\s-ws\b|\bpnpm\b.*\s(?:-r|--recursive|--filter|-F)\b|\byarn\s+workspaces\b|\blerna\s+run\b|\bturbo\s+run\b|\bnx\s+run-many\b/;

/** Whether a root `test` script delegates to the packages (`npm test --workspaces`, `pnpm -r test`). Pure. */
export function delegatesToPackages(script: string): boolean {
  return delegating.test(script);
}

/**
 * The runner spec for a project that may be, or lie in, a workspace: a package's own package.json and config
 * first, the root's when the package shows nothing. A root whose tests only run package by package is refused.
 * @throws ConfigError when nothing tells how to run the tests, or the root delegates to its packages.
 */
export async function detectWorkspaceRunnerName(options: WorkspaceRunnerOptions): Promise<string> {
  if (options.subdir !== '') {
    try {
      return await detectRunnerName(join(options.root, options.subdir));
    } catch (error) {
      if (!(error instanceof ConfigError) || !options.workspace || (await rootDelegates(options.root))) throw error;
      return detectRunnerName(options.root);
    }
  }
  if (options.workspace && (await rootDelegates(options.root))) {
    throw new ConfigError(
      `The "test" script of the workspace root ${options.root} runs each package's tests separately; redgreen runs one framework. Run redgreen in a package (redgreen fix packages/<name>) or pass --runner (e.g. --runner vitest).`,
    );
  }
  return detectRunnerName(options.root);
}

async function rootDelegates(root: string): Promise<boolean> {
  const text = await readFile(join(root, 'package.json'), 'utf8').catch(() => '{}');
  try {
    const script = (JSON.parse(text) as { scripts?: { test?: unknown } }).scripts?.test;
    return typeof script === 'string' && delegatesToPackages(script);
  } catch {
    return false;
  }
}
