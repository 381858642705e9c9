import { constants } from 'node:fs';
import { mkdtemp, open, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, WorkspaceError } from '../core/errors.js';
import { inheritConfinement, release } from '../isolation/boundary.js';
import { copyProject, hashBytes, type CopiedFile, type CopyLimits } from './copy-project.js';
import type { FileChange } from '../core/file-change.js';
import { resolveInside, toPosixRelative } from './project-paths.js';
import { diffAgainstCopy } from './sandbox-changes.js';
import { decodeText, encodeText, type FileEncoding } from './file-text.js';
import { assertRealPathInside, isMissing } from './fs-checks.js';
import { assertNoLinks, linkRefusal, makeParentDirs, readFileNoFollow } from './no-follow.js';
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
  /**
   * Why an edit of `rel` (to `text`, when given) would be refused, or undefined: the file or a directory on its
   * way is a symbolic link in the sandbox or the project, or `text` cannot be stored in the file's encoding.
   * `writeFile` refuses the same with a `WorkspaceError`; this lets a caller refuse one edit and go on.
   */
  checkWrite(rel: string, text?: string): Promise<string | undefined>;
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
  inheritConfinement(project, root);
  return openSandbox(project, root, copied);
}

function openSandbox(projectDir: string, root: string, copied: ReadonlyMap<string, CopiedFile>): Sandbox {
  // Bytes at copy time of files the sandbox API overwrote, so `before` survives a project edited meanwhile.
  const originals = new Map<string, Uint8Array>();
  const touched = new Set<string>();
  // How each file's bytes map to text (see file-text.ts), so a write gives back the bytes it did not change.
  const encodings = new Map<string, FileEncoding>();

  async function prepareWrite(rel: string): Promise<string> {
    const path = resolveInside(root, rel);
    await assertRealPathInside(root, path);
    const key = toPosixRelative(rel);
    // Refused in the project too: write-back would meet the same link there.
    await assertNoLinks(root, key);
    await assertNoLinks(projectDir, key);
    touched.add(key);
    const entry = copied.get(key);
    if (!encodings.has(key) || (entry !== undefined && !originals.has(key))) {
      const current = await readFileNoFollow(path).catch(() => undefined);
      if (current !== undefined && !encodings.has(key)) encodings.set(key, decodeText(current).encoding);
      if (current !== undefined && entry !== undefined && !originals.has(key) && hashBytes(current) === entry.hash) originals.set(key, current);
    }
    return path;
  }

  return {
    root,
    projectDir,
    async readFile(rel) {
      const key = toPosixRelative(rel);
      // A link is never opened: to the sandbox it is not a file an edit may read or change.
      if ((await linkRefusal(root, key)) !== undefined) return undefined;
      try {
        const decoded = decodeText(await readFileNoFollow(resolveInside(root, key)));
        encodings.set(key, decoded.encoding);
        return decoded.text;
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw new WorkspaceError(`cannot read ${rel} in the sandbox`, { cause: error });
      }
    },
    async writeFile(rel, text) {
      const path = await prepareWrite(rel);
      const key = toPosixRelative(rel);
      const encoded = encodeText(key, text, encodings.get(key) ?? 'utf8');
      if (!encoded.ok) throw new WorkspaceError(encoded.reason);
      await makeParentDirs(root, key);
      // O_NOFOLLOW: should a link appear after the check above, the write fails instead of following it.
      const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW);
      try {
        await handle.writeFile(encoded.bytes);
      } finally {
        await handle.close();
      }
    },
    async checkWrite(rel, text) {
      const key = toPosixRelative(rel);
      const link = (await linkRefusal(root, key)) ?? (await linkRefusal(projectDir, key));
      if (link !== undefined || text === undefined) return link;
      let encoding = encodings.get(key);
      if (encoding === undefined) {
        const current = await readFileNoFollow(resolveInside(root, key)).catch(() => undefined);
        encoding = current === undefined ? 'utf8' : decodeText(current).encoding;
      }
      const encoded = encodeText(key, text, encoding);
      return encoded.ok ? undefined : encoded.reason;
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
