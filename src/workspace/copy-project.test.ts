import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import { WorkspaceError } from '../core/errors.js';
import { copyProject } from './copy-project.js';
import { defaultSandboxLimits } from './sandbox.js';

let project: TempProject;
let target: string;
afterEach(async () => {
  await project.cleanup();
  await rm(target, { recursive: true, force: true });
});

const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`src/file-${String(i).padStart(2, '0')}.ts`, `export const n = ${i};\n`]));

describe('copyProject', () => {
  // Tests run as root, which reads a mode-000 file anyway: the unreadable file is an injected read error.
  it('names an unreadable file (injected EACCES) and settles every copy before it throws', async () => {
    project = await createTempProject(files);
    target = await mkdtemp(join(tmpdir(), 'copy-target-'));
    const denied = join(project.dir, 'src/file-07.ts');
    const reads = {
      readFile: async (path: string) => {
        if (path === denied) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', path });
        return readFile(path);
      },
    };
    const failure = await copyProject(project.dir, target, defaultSandboxLimits, reads).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkspaceError);
    expect((failure as Error).message).toBe('cannot copy src/file-07.ts from the project (permission denied)');
    // Nothing is still writing into the target: it can be removed at once (a race here gave ENOTEMPTY).
    await rm(target, { recursive: true });
    expect(existsSync(target)).toBe(false);
  });

  // A FIFO fails for root too (reading one would block): it is skipped, not copied and not an error.
  it('skips a FIFO in the project', async () => {
    project = await createTempProject({ 'src/a.ts': 'export const a = 1;\n' });
    target = await mkdtemp(join(tmpdir(), 'copy-target-'));
    execFileSync('mkfifo', [join(project.dir, 'src/pipe')]);
    const copied = await copyProject(project.dir, target, defaultSandboxLimits);
    expect([...copied.keys()]).toEqual(['src/a.ts']);
    expect(await readdir(join(target, 'src'))).toEqual(['a.ts']);
  });
});
