import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import type { FileChange } from '../core/file-change.js';
import { createRunId, saveRunPatch, unifiedDiff, writeRunPatch } from './run-files.js';

describe('createRunId', () => {
  it('is sortable by time and unique', () => {
    const early = createRunId(new Date(Date.UTC(2026, 10, 21, 13, 5, 12)));
    const late = createRunId(new Date(Date.UTC(2026, 10, 21, 13, 5, 13)));
    expect(early).toMatch(/^20261121-130512-[0-9a-f]{6}$/);
    expect(early < late).toBe(true);
    expect(createRunId()).not.toBe(createRunId());
  });
});

describe('writeRunPatch', () => {
  let project: TempProject;
  afterEach(() => project.cleanup());

  it('writes .redgreen/runs/<id>.patch and git-ignores the state dir', async () => {
    project = await createTempProject();
    const path = await writeRunPatch(project.dir, '20261121-130512-ab12cd', 'patch text');
    expect(path).toBe(join(project.dir, '.redgreen/runs/20261121-130512-ab12cd.patch'));
    expect(await readFile(path, 'utf8')).toBe('patch text');
    expect(await readFile(join(project.dir, '.redgreen/.gitignore'), 'utf8')).toBe('*\n');
  });
});

describe('saveRunPatch', () => {
  let project: TempProject;
  let tmp: string;
  afterEach(async () => {
    await project.cleanup();
    await rm(tmp, { recursive: true, force: true });
  });

  it('saves into the project when it can', async () => {
    project = await createTempProject();
    tmp = await mkdtemp(join(tmpdir(), 'patch-fallback-'));
    const saved = await saveRunPatch(project.dir, '20261121-130512-ab12cd', 'patch text', tmp);
    expect(saved).toEqual({ path: join(project.dir, '.redgreen/runs/20261121-130512-ab12cd.patch') });
  });

  // A file where the state directory should be stops root as well as anyone (unlike a mode-000 directory).
  it('falls back to the temp dir, saying why, when .redgreen cannot be created in the project', async () => {
    project = await createTempProject({ '.redgreen': 'not a directory\n' });
    tmp = await mkdtemp(join(tmpdir(), 'patch-fallback-'));
    const saved = await saveRunPatch(project.dir, '20261121-130512-ab12cd', 'patch text', tmp);
    expect(saved.path).toBe(join(tmp, 'redgreen-20261121-130512-ab12cd.patch'));
    expect(saved.notInProject).toMatch(/^\.redgreen(\/runs)?: (already exists|a path component is not a directory)$/);
    expect(await readFile(saved.path, 'utf8')).toBe('patch text');
    expect(await readFile(join(project.dir, '.redgreen'), 'utf8')).toBe('not a directory\n');
  });
});

describe('unifiedDiff', () => {
  let project: TempProject | undefined;
  afterEach(() => project?.cleanup());

  const files = {
    'src/math.ts': 'export const add = (a, b) => a - b;\nexport const one = 1;\n',
    'src/old.ts': 'old\n',
    'src/no-newline.ts': 'last line',
    'docs/my notes.md': 'note\n',
    'src/same.ts': 'same\n',
  };
  const changes: FileChange[] = [
    { file: 'src/math.ts', before: files['src/math.ts'], after: 'export const add = (a, b) => a + b;\nexport const one = 1;\n' },
    { file: 'src/new.ts', before: undefined, after: 'export {};\n' },
    { file: 'src/empty.ts', before: undefined, after: '' },
    { file: 'src/old.ts', before: 'old\n', after: undefined },
    { file: 'src/no-newline.ts', before: 'last line', after: 'last line!' },
    { file: 'docs/my notes.md', before: 'note\n', after: 'notes\n' },
    { file: 'src/same.ts', before: 'same\n', after: 'same\n' },
  ];

  it('renders git-style headers for modified, created and deleted files', () => {
    const patch = unifiedDiff(changes);
    expect(patch).toContain('diff --git a/src/math.ts b/src/math.ts\n--- a/src/math.ts\n+++ b/src/math.ts\n@@ -1,2 +1,2 @@\n');
    expect(patch).toContain('diff --git a/src/new.ts b/src/new.ts\nnew file mode 100644\n--- /dev/null\n+++ b/src/new.ts\n');
    expect(patch).toContain('diff --git a/src/old.ts b/src/old.ts\ndeleted file mode 100644\n--- a/src/old.ts\n+++ /dev/null\n');
    expect(patch).not.toContain('same.ts');
    expect(unifiedDiff([])).toBe('');
  });

  it('produces a patch that git apply accepts and that reproduces the change', async () => {
    project = await createTempProject(files);
    const dir = project.dir;
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'init');
    const patchPath = await writeRunPatch(dir, '20261121-130512-ab12cd', unifiedDiff(changes));
    git('apply', '--check', patchPath);
    git('apply', patchPath);
    for (const change of changes) {
      const text = await readFile(join(dir, change.file), 'utf8').catch(() => undefined);
      expect(text, change.file).toBe(change.after);
    }
  });
});
