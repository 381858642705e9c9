import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { runCli } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

/** The stubbed module the way scaffolding writes it: typed signatures whose bodies throw. */
const stubbedSource = [
  "import { NotImplementedError } from './not-implemented.js';",
  '',
  'export function factorial(n: number): number {',
  "  throw new NotImplementedError('not implemented: factorial');",
  '}',
  '',
  'export function choose(n: number, k: number): number {',
  "  throw new NotImplementedError('not implemented: choose');",
  '}',
  '',
].join('\n');

const notImplemented = ['/** Thrown by a function that has a signature and no body yet. */', 'export class NotImplementedError extends Error {', '}', ''].join(
  '\n',
);

describe('redgreen fix grows functions from their tests (built-in engine, no model)', () => {
  it('implements factorial and choose from the tests alone', async () => {
    project = await copyFixture('tdd-factorial');
    // The fixture holds the tests only: the source is what scaffolding would have made of them.
    await mkdir(join(project.dir, 'src'), { recursive: true });
    await writeFile(join(project.dir, 'src/combinatorics.ts'), stubbedSource);
    await writeFile(join(project.dir, 'src/not-implemented.ts'), notImplemented);
    const started = Date.now();
    const run = await runCli(['fix', project.dir, '--yes', '--json']);
    const wallMs = Date.now() - started;
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { status: string; steps: readonly { outcome: string; denoiser: string }[] };
    expect(result.status).toBe('green');
    expect(result.steps.at(-1)).toMatchObject({ outcome: 'green', denoiser: 'builtin' });

    const source = await readFile(join(project.dir, 'src/combinatorics.ts'), 'utf8');
    expect(source).not.toContain('NotImplementedError(');
    // The module now computes both, on arguments the tests never use.
    const body = (name: string) => new RegExp(`export function ${name}\\(([^)]*)\\): number \\{\\n([\\s\\S]*?)\\n\\}`).exec(source);
    const factorialBody = body('factorial')?.[2] ?? '';
    const chooseBody = body('choose')?.[2] ?? '';
    const run2 = new Function(
      `function factorial(n) {\n${factorialBody}\n}\nfunction choose(n, k) {\n${chooseBody}\n}\nreturn [factorial(10), choose(10, 3), choose(12, 6)];`,
    );
    expect(run2()).toEqual([3628800, 120, 924]);
    process.stdout.write(`tdd-factorial went green in ${(wallMs / 1000).toFixed(1)} s\n`);
  }, 200_000);

  it('starts from the tests alone: scaffolds the module, then fills it in', async () => {
    project = await copyFixture('tdd-factorial');
    const started = Date.now();
    const run = await runCli(['fix', project.dir, '--yes', '--json']);
    const wallMs = Date.now() - started;
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { status: string; scaffold?: { files: readonly { file: string; created: boolean }[] }; files: readonly string[] };
    expect(result.status).toBe('green');
    expect(result.scaffold?.files).toContainEqual({ file: 'src/combinatorics.ts', created: true });
    expect(result.files).toContain('src/combinatorics.ts');
    const source = await readFile(join(project.dir, 'src/combinatorics.ts'), 'utf8');
    // Both bodies were synthesized: no stub is left, and the module computes both beyond the tests' arguments.
    expect(source).not.toMatch(/throw new NotImplementedError\(/);
    const compiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const exports: Record<string, (...args: number[]) => number> = {};
    new Function('exports', 'require', compiled)(exports, () => ({ NotImplementedError: Error }));
    expect([exports.factorial?.(10), exports.choose?.(10, 3), exports.choose?.(12, 6)]).toEqual([3628800, 120, 924]);
    process.stdout.write(`tdd-factorial from tests alone went green in ${(wallMs / 1000).toFixed(1)} s\n`);
  }, 200_000);
});
