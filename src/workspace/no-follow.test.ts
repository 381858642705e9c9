import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import { linkRefusal, makeParentDirs, readFileNoFollow } from './no-follow.js';

describe('no-follow checks', () => {
  let project: TempProject;
  let outside: string;
  afterEach(async () => {
    await project.cleanup();
    await rm(outside, { recursive: true, force: true });
  });

  async function setUp(): Promise<void> {
    project = await createTempProject({ 'src/a.ts': 'a\n', 'real/b.ts': 'b\n' });
    outside = await mkdtemp(join(tmpdir(), 'redgreen-outside-'));
    await symlink(join(outside, 'missing.ts'), join(project.dir, 'src/dangling.ts'));
    await symlink(join(project.dir, 'src/a.ts'), join(project.dir, 'src/inside.ts'));
    await symlink(outside, join(project.dir, 'linked'));
    await symlink(join(project.dir, 'real'), join(project.dir, 'alias'));
  }

  it('accepts regular files and paths that do not exist yet', async () => {
    await setUp();
    expect(await linkRefusal(project.dir, 'src/a.ts')).toBeUndefined();
    expect(await linkRefusal(project.dir, 'src/new/deep/c.ts')).toBeUndefined();
    expect(await linkRefusal(project.dir, './real/b.ts')).toBeUndefined();
  });

  it('refuses a link as the file, dangling or not, and a link as any directory on the way', async () => {
    await setUp();
    expect(await linkRefusal(project.dir, 'src/dangling.ts')).toBe('refusing to edit src/dangling.ts: it is a symbolic link');
    expect(await linkRefusal(project.dir, 'src/inside.ts')).toBe('refusing to edit src/inside.ts: it is a symbolic link');
    expect(await linkRefusal(project.dir, 'linked/x.ts')).toBe('refusing to edit linked/x.ts: its directory linked is a symbolic link');
    expect(await linkRefusal(project.dir, 'alias/b.ts')).toBe('refusing to edit alias/b.ts: its directory alias is a symbolic link');
    expect(await linkRefusal(project.dir, 'src/a.ts/x.ts')).toBe('refusing to edit src/a.ts/x.ts: src/a.ts is not a directory');
    expect(await linkRefusal(project.dir, 'src')).toBe('refusing to edit src: it is not a regular file');
  });

  it('creates missing directories one at a time and never through a link', async () => {
    await setUp();
    expect(await makeParentDirs(project.dir, 'src/new/deep/c.ts')).toEqual(['src/new', 'src/new/deep']);
    expect(existsSync(join(project.dir, 'src/new/deep'))).toBe(true);
    await expect(makeParentDirs(project.dir, 'linked/sub/x.ts')).rejects.toThrow('refusing to edit linked/sub/x.ts: its directory linked is a symbolic link');
    expect(await readdir(outside)).toEqual([]);
  });

  it('reads a file but not through a link', async () => {
    await setUp();
    expect((await readFileNoFollow(join(project.dir, 'src/a.ts'))).toString()).toBe('a\n');
    await expect(readFileNoFollow(join(project.dir, 'src/inside.ts'))).rejects.toMatchObject({ code: 'ELOOP' });
  });
});
