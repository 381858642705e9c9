import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import { createSandbox, type Sandbox } from '../workspace/sandbox.js';
import { applyProposal } from './3-apply.js';
import { createEditScope } from './edit-scope.js';
import type { SandboxFiles } from './run-context.js';

const scope = createEditScope({ isTestFile: (file) => file.startsWith('test/'), allowTestEdits: false });
const latin1 = Buffer.from('// caf\xe9\nexport const n = 1;\n', 'latin1');

describe('applyProposal against a real sandbox', () => {
  let project: TempProject;
  let sandbox: Sandbox;
  afterEach(async () => {
    await sandbox.dispose();
    await project.cleanup();
  });

  async function setUp(): Promise<void> {
    project = await createTempProject({ 'src/ok.ts': 'export const ok = 1;\n' });
    await writeFile(join(project.dir, 'src/legacy.ts'), latin1);
    await symlink(join(project.dir, 'src/ok.ts'), join(project.dir, 'src/alias.ts'));
    sandbox = await createSandbox(project.dir);
  }

  it('refuses, as feedback, an edit through a link and a text the file’s encoding cannot hold; writes nothing', async () => {
    await setUp();
    const outcome = await applyProposal(sandbox, scope, [
      { kind: 'update', file: 'src/ok.ts', oldText: 'ok = 1', newText: 'ok = 2' },
      { kind: 'rewrite', file: 'src/alias.ts', content: 'export const owned = 1;\n' },
      { kind: 'update', file: 'src/legacy.ts', oldText: 'n = 1', newText: 'n = "→"' },
    ]);
    expect(outcome).toEqual({
      status: 'refused',
      feedback: [
        'refusing to edit src/alias.ts: it is a symbolic link',
        expect.stringMatching(/^refusing to edit src\/legacy\.ts: .*latin-1.*'→' \(U\+2192\)/),
      ],
    });
    expect(await readFile(join(sandbox.root, 'src/ok.ts'), 'utf8')).toBe('export const ok = 1;\n');
    expect((await readFile(join(sandbox.root, 'src/legacy.ts'))).equals(latin1)).toBe(true);
  });

  it('applies an edit to a latin-1 file, keeping the bytes of the other lines', async () => {
    await setUp();
    const outcome = await applyProposal(sandbox, scope, [{ kind: 'update', file: 'src/legacy.ts', oldText: 'n = 1', newText: 'n = 2' }]);
    expect(outcome).toMatchObject({ status: 'applied', changes: [{ file: 'src/legacy.ts', before: latin1.toString('latin1') }] });
    expect(await readFile(join(sandbox.root, 'src/legacy.ts'))).toEqual(Buffer.from('// caf\xe9\nexport const n = 2;\n', 'latin1'));
  });
});

function memorySandbox(files: Record<string, string>): SandboxFiles & { files: Record<string, string> } {
  return {
    root: '/sandbox',
    files,
    listFiles: async () => Object.keys(files),
    readFile: async (file) => files[file],
    writeFile: async (file, text) => void (files[file] = text),
    deleteFile: async (file) => void delete files[file],
  };
}

const guardedScope = createEditScope({ isTestFile: (file) => file.endsWith('.test.ts'), allowTestEdits: false });
const manifest = `${JSON.stringify({ name: 'app', scripts: { test: 'vitest run' } }, null, 2)}\n`;

describe('applyProposal', () => {
  it('refuses the whole reply when one edit games the verdict, and writes nothing', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'export const a = 0;\n', 'src/b.ts': 'export const b = 0;\n' });
    const outcome = await applyProposal(sandbox, guardedScope, [
      { kind: 'update', file: 'src/a.ts', oldText: 'a = 0', newText: 'a = 1' },
      { kind: 'update', file: 'src/b.ts', oldText: 'export const b = 0;', newText: 'export const b = 0;\nprocess.exit(0);' },
    ]);
    expect(outcome).toEqual({ status: 'refused', feedback: ['refusing an edit to src/b.ts: it calls process.exit(), which ends the test process early'] });
    expect(sandbox.files['src/a.ts']).toBe('export const a = 0;\n');
  });

  it('refuses a package.json script beside a real fix, and applies the fix alone', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'export const a = 0;\n', 'package.json': manifest });
    const postinstall = {
      kind: 'update',
      file: 'package.json',
      oldText: '"test": "vitest run"',
      newText: '"test": "vitest run",\n    "postinstall": "node -e 0"',
    } as const;
    const fix = { kind: 'update', file: 'src/a.ts', oldText: 'a = 0', newText: 'a = 1' } as const;
    const refused = await applyProposal(sandbox, guardedScope, [fix, postinstall]);
    expect(refused.status === 'refused' && refused.feedback).toEqual([
      'refusing to edit package.json: it changes scripts.postinstall, which runs code or changes dependencies; allow it with --allow-edit package.json',
    ]);
    expect(sandbox.files['package.json']).toBe(manifest);
    const applied = await applyProposal(sandbox, guardedScope, [fix]);
    expect(applied.status).toBe('applied');
    expect(sandbox.files['src/a.ts']).toBe('export const a = 1;\n');
  });

  it('refuses an edit to test data before reading it', async () => {
    const sandbox = memorySandbox({ 'test/fixtures/data.json': '{"expected": 10}\n' });
    const outcome = await applyProposal(sandbox, guardedScope, [{ kind: 'rewrite', file: 'test/fixtures/data.json', content: '{"expected": 15}\n' }]);
    expect(outcome).toEqual({ status: 'refused', feedback: [expect.stringMatching(/^refusing to edit test\/fixtures\/data\.json: it is test data/)] });
  });
});
