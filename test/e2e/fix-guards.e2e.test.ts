import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { searchReplace, writeReplies } from '../helpers/replies-file.js';
import { runCli, runInTerminal, snapshotFiles } from '../helpers/run-cli.js';
import type { CliRun } from '../helpers/run-cli.js';
import { copyWorkspaceFixture, npmWorkspaceLinks } from '../helpers/workspace-fixture.js';

/**
 * Verdicts that cannot be gamed through edits: replies that redefine what the tests rely on, edit test data,
 * or add a package.json script are refused (the project stays as it was); `--allow-edit` lets a script
 * through and the run calls it out. The fixture's one bug: `clamp` returns `max` for values below it.
 */

interface JsonResult {
  readonly status: 'green' | 'already-green' | 'red';
  readonly exitCode: number;
  readonly files: readonly string[];
  readonly diff: string;
  readonly warnings: readonly { readonly kind: string; readonly file: string; readonly message: string }[];
  readonly steps: readonly { readonly outcome: string; readonly feedback: readonly string[] }[];
  readonly delivery: { readonly kind: string };
}

const fix = searchReplace('src/math.ts', '  if (value < max) {', '  if (value > max) {');
const postinstall = searchReplace(
  'package.json',
  '    "test": "vitest run"',
  '    "test": "vitest run",\n    "postinstall": "node -e 0"',
  'Also run a setup step after install.',
);

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function runFix(replies: readonly string[], extra: readonly string[] = []): Promise<{ run: CliRun; result: JsonResult }> {
  if (project === undefined) throw new Error('copy a fixture first');
  const run = await runCli(['fix', project.dir, '--model', `scripted:${await writeReplies(replies)}`, '--json', '--yes', ...extra]);
  return { run, result: JSON.parse(run.stdout) as JsonResult };
}

/** Every step refused with a reason matching `reason`; the run red and the project byte-identical to `before`. */
async function expectRefusedAndUnchanged(run: CliRun, result: JsonResult, before: Record<string, string>, reason: RegExp): Promise<void> {
  expect(run.code, run.stderr).toBe(1);
  expect(result.status).toBe('red');
  expect(result.steps.length).toBeGreaterThan(0);
  expect(result.steps.map((s) => s.outcome)).toEqual(result.steps.map(() => 'refused'));
  expect(result.steps[0]?.feedback.join('\n')).toMatch(reason);
  expect(result.delivery.kind).not.toBe('applied');
  expect(await snapshotFiles(project?.dir ?? '', ['node_modules', '.redgreen'])).toEqual(before);
}

describe('edits that could game the verdict', () => {
  it('refuses Object.is = () => true: the run ends red and the project is unchanged', async () => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir);
    const clamp = 'export function clamp(value: number, min: number, max: number): number {';
    const game = searchReplace('src/math.ts', clamp, `Object.is = () => true;\n\n${clamp}`, 'Make equality lenient.');
    const { run, result } = await runFix([game]);
    await expectRefusedAndUnchanged(run, result, before, /refusing an edit to src\/math\.ts: it assigns to Object\.is, a built-in the tests rely on/);
  });

  it('refuses process.exit(0) in the code under test', async () => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir);
    const exiting = searchReplace('src/math.ts', '  if (value < max) {\n    return max;', '  if (value > max) {\n    process.exit(0);\n    return max;');
    const { run, result } = await runFix([exiting]);
    await expectRefusedAndUnchanged(run, result, before, /refusing an edit to src\/math\.ts: it calls process\.exit\(\), which ends the test process early/);
  });

  it('refuses an edit to the test data that would make the test pass', async () => {
    project = await copyFixture('vitest-basic');
    await mkdir(join(project.dir, 'test', 'fixtures'));
    await writeFile(join(project.dir, 'test', 'fixtures', 'data.json'), '{\n  "input": [15, 0, 10],\n  "expected": 10\n}\n');
    await writeFile(
      join(project.dir, 'test', 'data.test.ts'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { expect, it } from 'vitest';",
        "import { clamp } from '../src/math.js';",
        '',
        "const data = JSON.parse(readFileSync(new URL('./fixtures/data.json', import.meta.url), 'utf8')) as { input: [number, number, number]; expected: number };",
        '',
        "it('clamps the recorded case', () => {",
        '  expect(clamp(...data.input)).toBe(data.expected);',
        '});',
        '',
      ].join('\n'),
    );
    const before = await snapshotFiles(project.dir);
    const edit = searchReplace('test/fixtures/data.json', '  "expected": 10', '  "expected": 15', 'The recorded value is out of date.');
    const { run, result } = await runFix([edit], ['--tests', 'test/data.test.ts']);
    await expectRefusedAndUnchanged(
      run,
      result,
      before,
      /refusing to edit test\/fixtures\/data\.json: it is test data, part of the specification; allow it with --allow-test-edits/,
    );
  });
});

describe('files that run code or change dependencies', () => {
  it('refuses a reply that adds a postinstall script beside a real fix; the clean reply that follows goes green', async () => {
    project = await copyFixture('vitest-basic');
    const manifest = await readFile(join(project.dir, 'package.json'), 'utf8');
    const { run, result } = await runFix([`${fix}\n${postinstall}`, fix]);
    expect(run.code, run.stderr).toBe(0);
    expect(result.status).toBe('green');
    expect(result.steps.map((s) => s.outcome)).toEqual(['refused', 'green']);
    expect(result.steps[0]?.feedback).toEqual([
      'refusing to edit package.json: it changes scripts.postinstall, which runs code or changes dependencies; allow it with --allow-edit package.json',
    ]);
    expect(result.files).toEqual(['src/math.ts']);
    expect(result.diff).not.toContain('package.json');
    expect(result.warnings).toEqual([]);
    expect(result.delivery.kind).toBe('applied');
    expect(await readFile(join(project.dir, 'package.json'), 'utf8')).toBe(manifest);
    expect(await readFile(join(project.dir, 'src/math.ts'), 'utf8')).toContain('if (value > max) {');
  });

  it('refuses new files that would run code on the next install, commit or run, each with its reason', async () => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir);
    const reply = [
      fix,
      newFile('.npmrc', 'ignore-scripts=false\n'),
      newFile('.husky/pre-commit', 'node -e 0\n'),
      newFile('redgreen.config.json', '{ "runner": "command:node -e 0" }\n'),
    ].join('\n');
    const { run, result } = await runFix([reply]);
    await expectRefusedAndUnchanged(run, result, before, /refusing to edit \.npmrc: it configures the package manager; allow it with --allow-edit \.npmrc/);
    expect(result.steps[0]?.feedback).toEqual([
      'refusing to edit .npmrc: it configures the package manager; allow it with --allow-edit .npmrc',
      'refusing to edit .husky/pre-commit: it holds git hooks, which run code; allow it with --allow-edit .husky/pre-commit',
      "refusing to edit redgreen.config.json: it is redgreen's own configuration, which names the commands it runs; allow it with --allow-edit redgreen.config.json",
    ]);
  });

  it('with --allow-edit package.json applies the script and calls it out in the summary and the JSON', async () => {
    project = await copyFixture('vitest-basic');
    const { run, result } = await runFix([`${fix}\n${postinstall}`], ['--allow-edit', 'package.json']);
    expect(run.code, run.stderr).toBe(0);
    expect(result.status).toBe('green');
    expect([...result.files].sort()).toEqual(['package.json', 'src/math.ts']);
    expect(result.warnings).toEqual([{ kind: 'sensitive-edit', file: 'package.json', message: 'changes scripts.postinstall' }]);
    expect(run.stderr).toContain('! package.json: changes scripts.postinstall\n');
    expect(JSON.parse(await readFile(join(project.dir, 'package.json'), 'utf8'))).toMatchObject({ scripts: { postinstall: 'node -e 0' } });
  });

  it('in a workspace package, reads --allow-edit relative to the package and names the path that way', async () => {
    project = await copyWorkspaceFixture('npm-workspaces', npmWorkspaceLinks);
    const packageB = join(project.dir, 'packages/b');
    const rangeFix = searchReplace('packages/a/src/range.ts', '  return value >= min && value < max;', '  return value >= min && value <= max;');
    const script = searchReplace('packages/b/package.json', '    "test": "vitest run"', '    "test": "vitest run",\n    "postinstall": "node -e 0"');
    const replies = await writeReplies([`${rangeFix}\n${script}`]);

    const refused = await runCli(['fix', packageB, '--model', `scripted:${replies}`, '--json', '--yes']);
    const refusedResult = JSON.parse(refused.stdout) as JsonResult;
    expect(refusedResult.status, refused.stderr).toBe('red');
    expect(refusedResult.steps[0]?.feedback).toEqual([
      'refusing to edit packages/b/package.json: it changes scripts.postinstall, which runs code or changes dependencies; allow it with --allow-edit package.json',
    ]);

    const allowed = await runCli(['fix', packageB, '--model', `scripted:${replies}`, '--json', '--yes', '--allow-edit', 'package.json']);
    const allowedResult = JSON.parse(allowed.stdout) as JsonResult;
    expect(allowedResult.status, allowed.stderr).toBe('green');
    expect(allowedResult.warnings).toEqual([{ kind: 'sensitive-edit', file: 'packages/b/package.json', message: 'changes scripts.postinstall' }]);
    expect(await readFile(join(packageB, 'package.json'), 'utf8')).toContain('"postinstall": "node -e 0"');
    expect(await readFile(join(project.dir, 'package.json'), 'utf8')).not.toContain('postinstall');
  });

  it.skipIf(!existsSync('/usr/bin/script'))('in a terminal, names the script after the diff and before asking', async () => {
    project = await copyFixture('vitest-basic');
    const replies = await writeReplies([`${fix}\n${postinstall}`]);
    const { output } = await runInTerminal(['fix', project.dir, '--model', `scripted:${replies}`, '--allow-edit', 'package.json'], 'n');
    expect(output).toMatch(/\+ {4}"postinstall": "node -e 0"[\s\S]*! package\.json: changes scripts\.postinstall[\s\S]*Apply this fix to 2 files\? \[y\/N\]/);
    expect(output).toContain('not approved: patch saved to');
  });
});

/** A search/replace block that creates a file. */
function newFile(file: string, text: string): string {
  return `${file}\n\`\`\`\n<<<<<<< SEARCH\n=======\n${text}>>>>>>> REPLACE\n\`\`\`\n`;
}
