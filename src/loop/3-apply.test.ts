import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import { createSandbox, type Sandbox } from '../workspace/sandbox.js';
import { applyProposal } from './3-apply.js';
import { createEditScope } from './edit-scope.js';

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
