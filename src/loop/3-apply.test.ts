import { describe, expect, it } from 'vitest';
import { applyProposal } from './3-apply.js';
import { createEditScope } from './edit-scope.js';
import type { SandboxFiles } from './run-context.js';

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

const scope = createEditScope({ isTestFile: (file) => file.endsWith('.test.ts'), allowTestEdits: false });
const manifest = `${JSON.stringify({ name: 'app', scripts: { test: 'vitest run' } }, null, 2)}\n`;

describe('applyProposal', () => {
  it('refuses the whole reply when one edit games the verdict, and writes nothing', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'export const a = 0;\n', 'src/b.ts': 'export const b = 0;\n' });
    const outcome = await applyProposal(sandbox, scope, [
      { kind: 'update', file: 'src/a.ts', oldText: 'a = 0', newText: 'a = 1' },
      { kind: 'update', file: 'src/b.ts', oldText: 'export const b = 0;', newText: 'export const b = 0;\nprocess.exit(0);' },
    ]);
    expect(outcome).toEqual({ status: 'refused', feedback: ['refusing an edit to src/b.ts: it calls process.exit(), which ends the test process early'] });
    expect(sandbox.files['src/a.ts']).toBe('export const a = 0;\n');
  });

  it('refuses a package.json script beside a real fix, and applies the fix alone', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'export const a = 0;\n', 'package.json': manifest });
    const postinstall = { kind: 'update', file: 'package.json', oldText: '"test": "vitest run"', newText: '"test": "vitest run",\n    "postinstall": "node -e 0"' } as const;
    const fix = { kind: 'update', file: 'src/a.ts', oldText: 'a = 0', newText: 'a = 1' } as const;
    const refused = await applyProposal(sandbox, scope, [fix, postinstall]);
    expect(refused.status === 'refused' && refused.feedback).toEqual([
      'refusing to edit package.json: it changes scripts.postinstall, which runs code or changes dependencies; allow it with --allow-edit package.json',
    ]);
    expect(sandbox.files['package.json']).toBe(manifest);
    const applied = await applyProposal(sandbox, scope, [fix]);
    expect(applied.status).toBe('applied');
    expect(sandbox.files['src/a.ts']).toBe('export const a = 1;\n');
  });

  it('refuses an edit to test data before reading it', async () => {
    const sandbox = memorySandbox({ 'test/fixtures/data.json': '{"expected": 10}\n' });
    const outcome = await applyProposal(sandbox, scope, [{ kind: 'rewrite', file: 'test/fixtures/data.json', content: '{"expected": 15}\n' }]);
    expect(outcome).toEqual({ status: 'refused', feedback: [expect.stringMatching(/^refusing to edit test\/fixtures\/data\.json: it is test data/)] });
  });
});
