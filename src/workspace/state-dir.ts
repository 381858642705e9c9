import { constants } from 'node:fs';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkspaceError } from '../core/errors.js';
import { describeFsFailure } from './fs-failure.js';

/** redgreen's state directory inside a project. */
export const stateDirName = '.redgreen';

const runIdPattern = /^[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$/;

/**
 * Creates `<project>/.redgreen` with a `.gitignore` of `*`, so the journal, patches and backups are never
 * committed by accident, and returns its path.
 */
export async function ensureStateDir(projectDir: string): Promise<string> {
  const dir = join(projectDir, stateDirName);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '.gitignore'), '*\n', { flag: 'w' });
  } catch (error) {
    // A recursive mkdir on a read-only file system reports ENOENT; asking the project itself names the cause.
    const cause = await access(projectDir, constants.W_OK).then(
      () => error,
      (denied: unknown) => denied,
    );
    throw new WorkspaceError(`cannot create ${dir} (${describeFsFailure(cause, projectDir) ?? 'unknown error'})`, { cause });
  }
  return dir;
}

/** Throws unless `runId` has the shape `createRunId` makes; run ids become file names. */
export function assertRunId(runId: string): void {
  if (!runIdPattern.test(runId)) throw new WorkspaceError(`'${runId}' is not a run id (expected e.g. 20261121-130512-ab12cd)`);
}
