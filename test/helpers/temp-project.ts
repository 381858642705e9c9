import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempProject {
  readonly dir: string;
  /** Writes more files (POSIX relative paths), creating directories. */
  write(files: Readonly<Record<string, string>>): Promise<void>;
  cleanup(): Promise<void>;
}

/** A fresh temp directory holding `files`; call `cleanup` in `afterEach`. */
export async function createTempProject(files: Readonly<Record<string, string>> = {}, prefix = 'redgreen-test-'): Promise<TempProject> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const write = async (more: Readonly<Record<string, string>>): Promise<void> => {
    for (const [rel, text] of Object.entries(more)) {
      await mkdir(dirname(join(dir, rel)), { recursive: true });
      await writeFile(join(dir, rel), text);
    }
  };
  await write(files);
  return { dir, write, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
