import { mkdir, mkdtemp, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, WorkspaceError } from '../errors.js';
import { inheritConfinement, release } from '../isolation/boundary.js';
import { copyProject, hashBytes, type CopiedFile, type CopyLimits } from './copy-project.js';
import type { FileChange } from './file-change.js';
import { resolveInside, toPosixRelative } from './project-paths.js';
import { diffAgainstCopy } from './sandbox-changes.js';
import { assertRealPathInside, isMissing } from './fs-checks.js';
import { listProjectFiles } from './walk-project.js';

/** A private copy of the user's project that edits and test runs happen in. */
export interface Sandbox {
  /** The sandbox directory (a real path, under the OS temp dir). */
  readonly root: string;
  /** The user's project, which the sandbox never writes to. */
  readonly projectDir: string;
  /** A file's text, or undefined when it does not exist. */
  readFile(rel: string): Promise<string | undefined>;
  /** Creates or replaces a file, creating directories as needed. */
  writeFile(rel: string, text: string): Promise<void>;
  /** Removes a file; a missing file is not an error. */
  deleteFile(rel: string): Promise<void>;
  /** Project-relative POSIX paths of all files, sorted, without node_modules, .git and .redgreen. */
  listFiles(): Promise<string[]>;
  /**
   * Every file whose content differs from the project as it was copied, sorted by path. `before` is the
   * content at copy time; throws `WorkspaceError` when that content is lost because the project file changed
   * on disk during the run and the sandbox did not keep it.
   */
  changedFiles(): Promise<FileChange[]>;
  /** Deletes the sandbox directory unless `keep` (kept sandboxes are for inspecting a failed run). */
  dispose(options?: { readonly keep?: boolean }): Promise<void>;
}

export interface SandboxOptions {
  /** Refuse projects larger than this (excluding node_modules, .git, .redgreen); default 200 MB. */
  readonly maxBytes?: number;
  /** Refuse projects with more files than this; default 20,000. */
  readonly maxFiles?: number;
  /** Where sandboxes are created; default `os.tmpdir()`. */
  readonly tmpDir?: string;
}

export const defaultSandboxLimits: CopyLimits = { maxBytes: 200 * 1024 * 1024, maxFiles: 20_000 };

/**
 * Copies `projectDir` into a fresh `redgreen-sandbox-*` directory: `.git` and `.redgreen` are left out and
 * every `node_modules` is linked to the project's real one, so test runs find dependencies without a copy; in a
 * workspace, links to its packages lead to their sandbox copies instead (see link-node-modules.ts).
 */
export async function createSandbox(projectDir: string, options: SandboxOptions = {}): Promise<Sandbox> {
  const project = resolve(projectDir);
  const info = await stat(project).catch((error: unknown) => {
    throw new WorkspaceError(`cannot read project directory ${project}`, { cause: error });
  });
  if (!info.isDirectory()) throw new WorkspaceError(`project path ${project} is not a directory`);
  const root = await realpath(await mkdtemp(join(options.tmpDir ?? tmpdir(), 'redgreen-sandbox-')));
  const limits = { maxBytes: options.maxBytes ?? defaultSandboxLimits.maxBytes, maxFiles: options.maxFiles ?? defaultSandboxLimits.maxFiles };
  let copied: Map<string, CopiedFile>;
  try {
    copied = await copyProject(project, root, limits);
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    if (error instanceof WorkspaceError || error instanceof ConfigError) throw error;
    throw new WorkspaceError(`could not copy ${project} into a sandbox`, { cause: error });
  }
  // A copy of a confined sandbox runs its processes inside the same boundary.
  await inheritConfinement(project, root);
  return openSandbox(project, root, copied);
}

function openSandbox(projectDir: string, root: string, copied: ReadonlyMap<string, CopiedFile>): Sandbox {
  // Content at copy time of files the sandbox API overwrote, so `before` survives a project edited meanwhile.
  const originals = new Map<string, string>();
  const touched = new Set<string>();

  async function prepareWrite(rel: string): Promise<string> {
    const path = resolveInside(root, rel);
    await assertRealPathInside(root, path);
    const key = toPosixRelative(rel);
    touched.add(key);
    const entry = copied.get(key);
    if (entry !== undefined && !originals.has(key)) {
      const current = await readFile(path).catch(() => undefined);
      if (current !== undefined && hashBytes(current) === entry.hash) originals.set(key, current.toString('utf8'));
    }
    return path;
  }

  return {
    root,
    projectDir,
    async readFile(rel) {
      try {
        return await readFile(resolveInside(root, rel), 'utf8');
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw new WorkspaceError(`cannot read ${rel} in the sandbox`, { cause: error });
      }
    },
    async writeFile(rel, text) {
      const path = await prepareWrite(rel);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    },
    async deleteFile(rel) {
      await rm(await prepareWrite(rel), { force: true });
    },
    listFiles: () => listProjectFiles(root),
    changedFiles: () => diffAgainstCopy({ projectDir, root, copied, originals, touched }),
    async dispose(options = {}) {
      release(root);
      // Retries ride out a test process that was killed a moment ago and is still letting go of its files.
      if (options.keep !== true) await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
