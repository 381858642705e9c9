import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkspaceError } from '../core/errors.js';
import { hashBytes, type CopiedFile } from './copy-project.js';
import type { FileChange } from '../core/file-change.js';
import { decodeText } from './file-text.js';
import { isMissing } from './fs-checks.js';
import { listProjectFiles } from './walk-project.js';

/** What `diffAgainstCopy` needs to know about a sandbox. */
export interface SandboxState {
  readonly projectDir: string;
  readonly root: string;
  readonly copied: ReadonlyMap<string, CopiedFile>;
  /** Bytes at copy time of files the sandbox overwrote. */
  readonly originals: ReadonlyMap<string, Uint8Array>;
  readonly touched: ReadonlySet<string>;
}

/** The files whose content in the sandbox differs from the project as copied, sorted by path. */
export async function diffAgainstCopy(state: SandboxState): Promise<FileChange[]> {
  const present = new Set(await listProjectFiles(state.root));
  const paths = [...new Set([...present, ...state.copied.keys()])].sort();
  const changes: FileChange[] = [];
  for (const rel of paths) {
    const entry = state.copied.get(rel);
    if (!present.has(rel)) {
      if (entry !== undefined) changes.push({ file: rel, before: await originalText(state, rel, entry), after: undefined });
      continue;
    }
    const path = join(state.root, rel);
    if (entry !== undefined && !state.touched.has(rel)) {
      const info = await stat(path);
      if (info.size === entry.size && info.mtimeMs === entry.mtimeMs) continue;
    }
    const bytes = await readFile(path);
    if (entry !== undefined && hashBytes(bytes) === entry.hash) continue;
    const before = entry === undefined ? undefined : await originalText(state, rel, entry);
    const after = decodeText(bytes);
    changes.push({ file: rel, before, after: after.text, ...(after.encoding === 'utf8' ? {} : { encoding: after.encoding }) });
  }
  return changes;
}

async function originalText(state: SandboxState, rel: string, entry: CopiedFile): Promise<string> {
  const kept = state.originals.get(rel);
  if (kept !== undefined) return decodeText(kept).text;
  const bytes = await readFile(join(state.projectDir, rel)).catch((error: unknown) => {
    if (isMissing(error)) return undefined;
    throw new WorkspaceError(`cannot read ${rel} in the project`, { cause: error });
  });
  if (bytes === undefined || hashBytes(bytes) !== entry.hash) {
    throw new WorkspaceError(`${rel} changed on disk since the run started; its original content is no longer known`);
  }
  return decodeText(bytes).text;
}
