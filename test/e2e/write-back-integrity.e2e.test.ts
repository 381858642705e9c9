import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture, repoRoot } from '../helpers/fixture-project.js';
import { writeReplies, searchReplace } from '../helpers/replies-file.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';

let project: FixtureProject | TempProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

/** Every file under `dir` whose name marks it as a write-back temp file. */
async function tempFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.name.includes('.redgreen-tmp-')).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

describe('write-back keeps every byte the fix did not change', () => {
  // A latin-1 comment (0xE9 is "é") on a line the fix never touches: the bytes must come back as they were.
  const latin1Comment = Buffer.from('// Fonctions math\xe9matiques \xe9prouv\xe9es (latin-1)\n', 'latin1');

  it.each([
    ['a scripted reply', 'scripted'],
    ['the built-in engine', 'builtin'],
  ])(
    'repairs a latin-1 source file with %s, changing only the fixed line',
    async (_name, backend) => {
      project = await copyFixture('vitest-basic');
      const file = join(project.dir, 'src/math.ts');
      const original = Buffer.concat([latin1Comment, await readFile(file)]);
      await writeFile(file, original);
      const model =
        backend === 'scripted'
          ? ['--model', `scripted:${await writeReplies([searchReplace('src/math.ts', '  if (value < max) {', '  if (value > max) {')])}`]
          : [];
      const run = await runCli(['fix', project.dir, ...model, '--yes', '--json', '--budget-seconds', '90']);
      expect(run.code, run.stderr).toBe(0);
      const after = await readFile(file);
      const expected = Buffer.from(original.toString('latin1').replace('  if (value < max) {', '  if (value > max) {'), 'latin1');
      expect(after.equals(expected), `${after.toString('latin1')}`).toBe(true);
      expect(after.subarray(0, latin1Comment.length).equals(latin1Comment)).toBe(true);
      const diff = (JSON.parse(run.stdout) as { diff: string }).diff;
      expect(diff).toContain('-  if (value < max) {');
      expect(diff).not.toContain('\ufffd');
      expect(diff).not.toContain('Fonctions');
      expect(await tempFiles(project.dir)).toEqual([]);
    },
    200_000,
  );
});

describe('a write-back killed at any point leaves all old or all new after the next start', () => {
  const runId = '20261202-101500-abc123';
  const old = {
    // UTF-8 with a byte-order mark and CRLF line endings; latin-1.
    'src/a.ts': Buffer.from('\ufeffexport const a = 1;\r\nexport const keep = "\u00fcber";\r\n', 'utf8'),
    'src/b.ts': Buffer.from('// caf\xe9\nexport const b = 1;\n', 'latin1'),
  };
  const created = 'src/new/c.ts';
  const newContent = {
    'src/a.ts': Buffer.from('\ufeffexport const a = 2;\r\nexport const keep = "\u00fcber";\r\n', 'utf8'),
    'src/b.ts': Buffer.from('// caf\xe9\nexport const b = 2;\n', 'latin1'),
    [created]: Buffer.from('export const c = 3;\n', 'utf8'),
  };
  const newBytes = new Map<string, Buffer>(Object.entries(newContent));
  // Texts as the sandbox decodes them: the byte-order mark kept aside, latin-1 one char per byte.
  const changes = [
    { file: 'src/a.ts', before: old['src/a.ts'].subarray(3).toString('utf8'), after: newContent['src/a.ts'].subarray(3).toString('utf8') },
    { file: 'src/b.ts', before: old['src/b.ts'].toString('latin1'), after: newContent['src/b.ts'].toString('latin1') },
    { file: created, before: undefined, after: newContent[created].toString('utf8') },
  ];
  // The steps a three-file write-back reports, in order; the child kills itself right after the one named.
  const steps = ['intent', 'backup src/a.ts', 'backup src/b.ts', 'write src/a.ts', 'write src/b.ts', 'write src/new/c.ts'];
  const child = [
    `import { writeBack } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'dist/workspace/write-back.js')).href)};`,
    `import { readFileSync } from 'node:fs';`,
    `const [project, changesFile, runId, stopAt] = process.argv.slice(2);`,
    `const changes = JSON.parse(readFileSync(changesFile, 'utf8'));`,
    `const onStep = (step) => { if ([step.kind, step.file].filter(Boolean).join(' ') === stopAt) process.kill(process.pid, 'SIGKILL'); };`,
    `await writeBack(project, changes, runId, { onStep });`,
  ].join('\n');

  function runChild(script: string, args: readonly string[]): Promise<NodeJS.Signals | null> {
    return new Promise((resolvePromise, reject) => {
      const proc = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
      proc.on('error', reject);
      proc.on('exit', (_code, signal) => resolvePromise(signal));
    });
  }

  // Until the last file is written the write-back is rolled back; after it, the intent is only closed.
  it.each(steps.map((step) => [step, step === `write ${created}` ? 'new' : 'old'] as const))(
    'killed after %s: %s after recovery',
    async (step, expected) => {
      const killed = await createTempProject({ 'package.json': '{"name":"killed","private":true}\n', 'src/.keep': '' });
      project = killed;
      for (const [rel, bytes] of Object.entries(old)) await writeFile(join(killed.dir, rel), bytes);
      const before = await snapshotFiles(killed.dir);
      const scratch = await mkdtemp(join(tmpdir(), 'redgreen-killed-child-'));
      const script = join(scratch, 'write-back-child.mjs');
      await writeFile(script, child);
      await writeFile(join(scratch, 'changes.json'), JSON.stringify(changes));
      const signal = await runChild(script, [killed.dir, join(scratch, 'changes.json'), runId, step]);
      await rm(scratch, { recursive: true, force: true });
      expect(signal).toBe('SIGKILL');
      expect(await readdir(join(killed.dir, '.redgreen/transactions'))).toEqual([`${runId}.json`]);
      // The kill really came mid-way: the file just written holds its new bytes, so the project is half patched.
      const justWritten = step.startsWith('write ') ? step.slice('write '.length) : undefined;
      if (justWritten !== undefined) expect((await readFile(join(killed.dir, justWritten))).equals(newBytes.get(justWritten) ?? Buffer.alloc(0))).toBe(true);

      // --dry-run promises not to touch the project: it only says a write-back is pending.
      const halfPatched = await snapshotFiles(killed.dir, ['node_modules']);
      const dryRun = await runCli(['fix', killed.dir, '--runner', 'command:node --version', '--dry-run']);
      expect(dryRun.stderr).toMatch(new RegExp(`the write-back of run ${runId} was interrupted; run redgreen without --dry-run`));
      expect(await snapshotFiles(killed.dir, ['node_modules'])).toEqual(halfPatched);

      // The next real start: the CLI recovers before anything else (here the run then finds the project green).
      const run = await runCli(['fix', killed.dir, '--runner', 'command:node --version']);
      expect(run.stderr).toMatch(expected === 'old' ? /rolled back to the files as they were/ : /it had finished writing/);
      const files = await snapshotFiles(killed.dir, ['node_modules', '.redgreen']);
      if (expected === 'old') {
        expect(files).toEqual(before);
      } else {
        for (const [rel, bytes] of Object.entries(newContent)) expect((await readFile(join(killed.dir, rel))).equals(bytes), rel).toBe(true);
        expect(Object.keys(files).sort()).toEqual(['package.json', 'src/.keep', 'src/a.ts', 'src/b.ts', created]);
      }
      expect(await tempFiles(killed.dir)).toEqual([]);
      expect(await readdir(join(killed.dir, '.redgreen/transactions'))).toEqual([]);
    },
    60_000,
  );
});

describe('an edit through a symbolic link is refused, never followed', () => {
  it('a reply that writes to a dangling link creates nothing outside the project or the sandbox', async () => {
    project = await copyFixture('vitest-basic');
    const outside = await mkdtemp(join(tmpdir(), 'redgreen-outside-'));
    const target = join(outside, 'escaped.ts');
    try {
      await symlink(target, join(project.dir, 'src/escape.ts'));
      const before = await snapshotFiles(project.dir);
      const replies = await writeReplies([searchReplace('src/escape.ts', '', 'export const escaped = true;')]);
      const run = await runCli(['fix', project.dir, '--model', `scripted:${replies}`, '--yes', '--json', '--max-iter', '1']);
      expect(run.code, run.stderr).toBe(1);
      const steps = (JSON.parse(run.stdout) as { steps: { outcome: string; feedback: string[] }[] }).steps;
      expect(steps[0]).toMatchObject({ outcome: 'refused', feedback: ['refusing to edit src/escape.ts: it is a symbolic link'] });
      expect(existsSync(target)).toBe(false);
      expect(await readdir(outside)).toEqual([]);
      expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
      expect(await readlink(join(project.dir, 'src/escape.ts'))).toBe(target);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  }, 120_000);
});
