import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, WorkspaceError } from '../core/errors.js';
import { describeFsCode } from './fs-failure.js';
import { linkNodeModules } from './link-node-modules.js';
import { walkProject, type ProjectEntry } from './walk-project.js';

/** How large a project may be before a sandbox copy is refused. */
export interface CopyLimits {
  readonly maxBytes: number;
  readonly maxFiles: number;
}

/** The file reads a copy makes; injectable so that tests can fail one read (root reads every file). */
export interface CopyReads {
  readFile(path: string): Promise<Buffer>;
}

const nodeReads: CopyReads = { readFile: (path) => readFile(path) };

/** What a copied file looked like, to tell later whether the sandbox or the project changed it. */
export interface CopiedFile {
  /** sha256 of the original bytes. */
  readonly hash: string;
  readonly size: number;
  /** The sandbox copy's mtime right after copying: an unchanged stat lets `changedFiles` skip hashing. */
  readonly mtimeMs: number;
}

const copyConcurrency = 32;

/** sha256 of some bytes, hex. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Copies `projectDir` into the empty `targetDir`: regular files, empty directories and symlinks verbatim;
 * each `node_modules` is linked, not copied (see link-node-modules.ts). Refuses (before copying anything) a project
 * over `limits`. Returns what each copied file looked like. A file that cannot be read is a `WorkspaceError`
 * naming it, thrown only once every copy in flight has settled (so the caller can remove `targetDir`).
 */
export async function copyProject(projectDir: string, targetDir: string, limits: CopyLimits, reads: CopyReads = nodeReads): Promise<Map<string, CopiedFile>> {
  const entries = await collectEntries(projectDir, limits);
  for (const entry of entries) {
    if (entry.kind === 'dir') await mkdir(join(targetDir, entry.rel), { recursive: true });
  }
  const copied = new Map<string, CopiedFile>();
  for (let i = 0; i < entries.length; i += copyConcurrency) {
    const settled = await Promise.allSettled(
      entries.slice(i, i + copyConcurrency).map((entry) =>
        copyEntry(projectDir, targetDir, entry, copied, reads).catch((error: unknown) => {
          throw new WorkspaceError(`cannot copy ${entry.rel} from the project (${describeFsCode(error) ?? 'unknown error'})`, { cause: error });
        }),
      ),
    );
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (failed !== undefined) throw (failed as PromiseRejectedResult).reason as Error;
  }
  return copied;
}

async function collectEntries(projectDir: string, limits: CopyLimits): Promise<ProjectEntry[]> {
  const entries: ProjectEntry[] = [];
  let files = 0;
  let bytes = 0;
  for await (const entry of walkProject(projectDir)) {
    entries.push(entry);
    if (entry.kind !== 'file') continue;
    files += 1;
    const info = await lstat(join(projectDir, entry.rel)).catch((error: unknown) => {
      throw new WorkspaceError(`cannot read ${entry.rel} in the project (${describeFsCode(error) ?? 'unknown error'})`, { cause: error });
    });
    bytes += info.size;
    if (files > limits.maxFiles) {
      throw new ConfigError(`project has more than ${limits.maxFiles} files (excluding node_modules, .git, .redgreen); refusing to copy it into a sandbox`);
    }
    if (bytes > limits.maxBytes) {
      throw new ConfigError(
        `project is larger than ${formatMegabytes(limits.maxBytes)} (excluding node_modules, .git, .redgreen); refusing to copy it into a sandbox`,
      );
    }
  }
  return entries;
}

async function copyEntry(projectDir: string, targetDir: string, entry: ProjectEntry, copied: Map<string, CopiedFile>, reads: CopyReads): Promise<void> {
  const from = join(projectDir, entry.rel);
  const to = join(targetDir, entry.rel);
  if (entry.kind === 'linked-dir') {
    await linkNodeModules(projectDir, targetDir, entry.rel);
  } else if (entry.kind === 'symlink') {
    await symlink(await readlink(from), to);
  } else if (entry.kind === 'file') {
    const [bytes, info] = await Promise.all([reads.readFile(from), lstat(from)]);
    await writeFile(to, bytes, { mode: info.mode & 0o7777 });
    const written = await stat(to);
    copied.set(entry.rel, { hash: hashBytes(bytes), size: bytes.byteLength, mtimeMs: written.mtimeMs });
  }
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
