import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TempProject } from '../../../test/helpers/temp-project.js';
import { createTempProject } from '../../../test/helpers/temp-project.js';
import type { TypecheckSession } from './typecheck-session.js';
import { openTypecheckSession } from './typecheck-session.js';

const projects: TempProject[] = [];

async function project(files: Record<string, string>): Promise<string> {
  const created = await createTempProject(files, 'redgreen-typecheck-');
  projects.push(created);
  return created.dir;
}

async function write(dir: string, files: Record<string, string>): Promise<void> {
  await projects.find((created) => created.dir === dir)?.write(files);
}

function open(root: string): TypecheckSession {
  const opened = openTypecheckSession({ root });
  if (opened.status !== 'on') throw new Error(`expected a session: ${opened.reason}`);
  return opened.session;
}

const tsconfig = JSON.stringify({
  compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', types: [] },
});
const math = 'export function double(n: number): number {\n  return n * 2;\n}\n';
const old = 'export const broken: number = "old";\n';

afterEach(async () => {
  await Promise.all(projects.splice(0).map((created) => created.cleanup()));
});

describe('openTypecheckSession', () => {
  it('reports the errors an edit introduces, not those the project already had', async () => {
    const dir = await project({ 'tsconfig.json': tsconfig, 'src/math.ts': math, 'src/old.ts': old });
    const session = open(dir);
    expect(session.baseline.map((d) => `${d.file}:${d.line} TS${d.code}`)).toEqual(['src/old.ts:1 TS2322']);
    await write(dir, { 'src/math.ts': math.replace('return n * 2;', "return 'twice';") });
    const result = session.check(['src/math.ts']);
    expect(result.introduced.map((f) => f.diagnostic)).toEqual([
      { file: 'src/math.ts', line: 2, column: 3, code: 2322, message: "Type 'string' is not assignable to type 'number'." },
    ]);
    expect(result.total).toBe(2);
  });

  it('formats each error with its position, code and the offending line underlined', async () => {
    const dir = await project({ 'tsconfig.json': tsconfig, 'src/math.ts': math });
    const session = open(dir);
    await write(dir, { 'src/math.ts': math.replace('return n * 2;', "return 'twice';") });
    const [found] = session.check(['src/math.ts']).introduced;
    expect(found?.formatted).toBe(
      [
        "src/math.ts:2:3 - error TS2322: Type 'string' is not assignable to type 'number'.",
        '  1 | export function double(n: number): number {',
        "> 2 |   return 'twice';",
        '    |   ^^^^^^',
        '  3 | }',
        '  4 |',
      ].join('\n'),
    );
  });

  it('does not call an old error new when an edit moves it to another line', async () => {
    const dir = await project({ 'tsconfig.json': tsconfig, 'src/old.ts': old });
    const session = open(dir);
    await write(dir, { 'src/old.ts': `// a comment\n// another\n\n${old}` });
    expect(session.check(['src/old.ts']).introduced).toEqual([]);
  });

  it('counts a second identical error as introduced', async () => {
    const dir = await project({ 'tsconfig.json': tsconfig, 'src/old.ts': old });
    const session = open(dir);
    await write(dir, { 'src/old.ts': `${old}export const again: number = "old";\n` });
    expect(session.check(['src/old.ts']).introduced.map((f) => f.diagnostic.line)).toEqual([2]);
  });

  it('reports nothing for an edit that removes an error, and counts fewer', async () => {
    const dir = await project({ 'tsconfig.json': tsconfig, 'src/old.ts': old });
    const session = open(dir);
    await write(dir, { 'src/old.ts': 'export const broken: number = 1;\n' });
    expect(session.check(['src/old.ts'])).toEqual({ introduced: [], total: 0 });
  });

  it('finds the errors an edit causes in the files that import the edited one', async () => {
    const user = "import { double } from './math';\nexport const four: number = double(2);\n";
    const dir = await project({ 'tsconfig.json': tsconfig, 'src/math.ts': math, 'src/user.ts': user });
    const session = open(dir);
    await write(dir, { 'src/math.ts': math.replace('(n: number): number', '(n: number): string').replace('n * 2', 'String(n * 2)') });
    expect(session.check(['src/math.ts']).introduced.map((f) => `${f.diagnostic.file}:${f.diagnostic.line}`)).toEqual(['src/user.ts:2']);
  });

  it('sees a reverted edit without being told, and checks a file the edit created', async () => {
    const dir = await project({ 'tsconfig.json': tsconfig, 'src/math.ts': math });
    const session = open(dir);
    await write(dir, { 'src/math.ts': math.replace('n * 2', 'n.length') });
    expect(session.check(['src/math.ts']).introduced).toHaveLength(1);
    await write(dir, { 'src/math.ts': math, 'src/extra.ts': 'export const x: string = 1;\n' });
    expect(session.check(['src/extra.ts']).introduced.map((f) => f.diagnostic.file)).toEqual(['src/extra.ts']);
  });

  it('leaves out the files of dependencies linked into node_modules, as in a sandbox', async () => {
    const outside = await project({
      'package.json': '{"name":"dep","types":"index.ts"}',
      'index.ts': 'export const bad: number = "x";\nexport const ok = 1;\n',
    });
    const dir = await project({ 'tsconfig.json': tsconfig, 'src/use.ts': "import { ok } from 'dep';\nexport const y: number = ok;\n" });
    await mkdir(join(dir, 'node_modules'));
    await symlink(outside, join(dir, 'node_modules', 'dep'), 'dir');
    const session = open(dir);
    expect(session.baseline).toEqual([]);
    await write(dir, { 'src/use.ts': "import { ok } from 'dep';\nexport const y: string = ok;\n" });
    expect(session.check(['src/use.ts']).introduced.map((f) => f.diagnostic.file)).toEqual(['src/use.ts']);
  });

  it('sees the @types packages the project depends on when its tsconfig has no `types` (TypeScript 5 included them)', async () => {
    const dir = await project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler' } }),
      'src/env.ts': 'export const home: string = "";\n',
      'node_modules/@types/ambient/index.d.ts': 'declare const ambientEnv: { readonly HOME?: string };\n',
      'node_modules/@types/ambient/package.json': '{"name":"@types/ambient","types":"index.d.ts"}',
      'package.json': '{"devDependencies":{"@types/ambient":"1.0.0"}}',
    });
    const session = open(dir);
    await write(dir, { 'src/env.ts': 'export const home: string = ambientEnv.HOME ?? "";\n' });
    expect(session.check(['src/env.ts']).introduced).toEqual([]);
  });

  it('leaves out the files it is told to skip (the loop skips tests), unless a checked file imports them', async () => {
    const dir = await project({ 'tsconfig.json': tsconfig, 'src/math.ts': math, 'test/math.test.ts': 'export const t: number = 1;\n' });
    const opened = openTypecheckSession({ root: dir, skip: (file) => file.startsWith('test/') });
    if (opened.status !== 'on') throw new Error(opened.reason);
    await write(dir, {
      'test/math.test.ts': 'export const t: number = "no";\n',
      'src/math.ts': 'export function double(n: number): number {\n  return "x";\n}\n',
    });
    expect(opened.session.check(['test/math.test.ts', 'src/math.ts']).introduced.map((f) => f.diagnostic.file)).toEqual(['src/math.ts']);
  });

  it('is off for a project with no tsconfig.json or jsconfig.json', async () => {
    const dir = await project({ 'src/math.ts': math });
    expect(openTypecheckSession({ root: dir })).toEqual({ status: 'off', reason: 'the project has no tsconfig.json or jsconfig.json' });
  });

  it('is off for JavaScript whose jsconfig.json does not ask for checkJs, and on when it does', async () => {
    const js = '/** @param {number} n @returns {number} */\nexport function double(n) {\n  return n * 2;\n}\n';
    const plain = await project({ 'jsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext' } }), 'src/math.js': js });
    expect(openTypecheckSession({ root: plain })).toMatchObject({ status: 'off', reason: 'jsconfig.json does not ask for checkJs' });

    const checked = await project({ 'jsconfig.json': JSON.stringify({ compilerOptions: { checkJs: true, module: 'ESNext', types: [] } }), 'src/math.js': js });
    const session = open(checked);
    expect(session.configFile).toBe('jsconfig.json');
    await write(checked, { 'src/math.js': js.replace('n * 2', "'twice'") });
    expect(session.check(['src/math.js']).introduced.map((f) => f.diagnostic.code)).toEqual([2322]);
  });

  it('does not take a tsconfig.json above the root for the project’s own', async () => {
    const outer = await project({ 'tsconfig.json': tsconfig });
    await write(outer, { 'inner/src/math.ts': math });
    expect(openTypecheckSession({ root: join(outer, 'inner') }).status).toBe('off');
    expect(openTypecheckSession({ root: outer, projectDir: join(outer, 'inner') }).status).toBe('on');
  });
});
