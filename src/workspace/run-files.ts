import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTwoFilesPatch, OMIT_HEADERS } from 'diff';
import type { FileChange } from '../core/file-change.js';
import { describeFsFailure } from './fs-failure.js';
import { assertRunId, ensureStateDir } from './state-dir.js';

/**
 * A new run id, `YYYYMMDD-HHMMSS-xxxxxx` in UTC plus 6 random hex digits: ids sort by start time and are safe
 * as file names.
 */
export function createRunId(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  const date = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  const time = `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  return `${date}-${time}-${randomBytes(3).toString('hex')}`;
}

/** Writes `<project>/.redgreen/runs/<runId>.patch` (creating the state dir and its `.gitignore`); returns its path. */
export async function writeRunPatch(projectDir: string, runId: string, patchText: string): Promise<string> {
  assertRunId(runId);
  const runsDir = join(await ensureStateDir(resolve(projectDir)), 'runs');
  await mkdir(runsDir, { recursive: true });
  const path = join(runsDir, `${runId}.patch`);
  await writeFile(path, patchText);
  return path;
}

/** Where a run's patch went: into the project, or (when the project cannot take it) the OS temp dir. */
export interface SavedPatch {
  readonly path: string;
  /** Why the patch is not in the project (`.redgreen: read-only file system`); absent when it is. */
  readonly notInProject?: string;
}

/**
 * Saves a run's patch so that nothing is lost: in `<project>/.redgreen/runs/` when the project can be written,
 * else as `redgreen-<runId>.patch` in `tmpDir` (the OS temp dir), saying why.
 */
export async function saveRunPatch(projectDir: string, runId: string, patchText: string, tmpDir: string = tmpdir()): Promise<SavedPatch> {
  try {
    return { path: await writeRunPatch(projectDir, runId, patchText) };
  } catch (error) {
    assertRunId(runId);
    const path = join(tmpDir, `redgreen-${runId}.patch`);
    await writeFile(path, patchText);
    return { path, notInProject: describeFsFailure(error, resolve(projectDir)) ?? 'the project cannot be written' };
  }
}

/**
 * A git-style multi-file unified diff of `changes` (sorted by path) that `git apply` accepts: created files
 * come from /dev/null, deleted ones go to it. Unchanged entries are skipped; no changes give ''.
 */
export function unifiedDiff(changes: readonly FileChange[]): string {
  return [...changes]
    .filter((change) => change.before !== change.after)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(fileDiff)
    .join('');
}

function fileDiff(change: FileChange): string {
  const a = quotePath(`a/${change.file}`);
  const b = quotePath(`b/${change.file}`);
  const header = [`diff --git ${a} ${b}`];
  if (change.before === undefined) header.push('new file mode 100644');
  if (change.after === undefined) header.push('deleted file mode 100644');
  const before = change.before ?? '';
  const after = change.after ?? '';
  // git prints no ---/+++ lines for an empty file created or deleted: there are no hunks to frame.
  if (before !== after) {
    header.push(`--- ${change.before === undefined ? '/dev/null' : a}`, `+++ ${change.after === undefined ? '/dev/null' : b}`);
  }
  const hunks = before === after ? '' : createTwoFilesPatch(a, b, before, after, undefined, undefined, { headerOptions: OMIT_HEADERS });
  return `${header.join('\n')}\n${hunks}`;
}

/** git's quoting of unusual file names: in double quotes with C escapes. */
function quotePath(path: string): string {
  if (!/["\\\p{Cc}]/u.test(path)) return path;
  const escaped = path.replace(/["\\\p{Cc}]/gu, (char) => {
    const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
    return named[char] ?? `\\${char.charCodeAt(0).toString(8).padStart(3, '0')}`;
  });
  return `"${escaped}"`;
}
