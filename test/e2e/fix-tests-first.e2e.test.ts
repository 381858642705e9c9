import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { fixJsonResultSchema, parseJsonOutput } from '../helpers/json-contract-schema.js';
import { writeReplies } from '../helpers/replies-file.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';

/** A whole-file reply: the module's complete implementation. */
function wholeFile(file: string, text: string): string {
  return `Implementing ${file}.\n\n${file}\n\`\`\`ts\n${text}\`\`\`\n`;
}

/** One reply per module the tests of fixtures/projects/tdd-tests-only need, as a model would grow them. */
const implementations = [
  wholeFile(
    'src/calculator.ts',
    `export class DivisionByZeroError extends Error {
  constructor() {
    super('division by zero');
    this.name = 'DivisionByZeroError';
  }
}
export const add = (a: number, b: number): number => a + b;
export const subtract = (a: number, b: number): number => a - b;
export const multiply = (a: number, b: number): number => a * b;
export function divide(a: number, b: number): number {
  if (b === 0) throw new DivisionByZeroError();
  return a / b;
}
`,
  ),
  wholeFile(
    'src/stack.ts',
    `export class EmptyStackError extends Error {
  constructor() {
    super('the stack is empty');
    this.name = 'EmptyStackError';
  }
}
export class Stack {
  private readonly items: number[] = [];
  push(item: number): void {
    this.items.push(item);
  }
  pop(): number {
    const item = this.items.pop();
    if (item === undefined) throw new EmptyStackError();
    return item;
  }
  peek(): number | undefined {
    return this.items[this.items.length - 1];
  }
  size(): number {
    return this.items.length;
  }
  isEmpty(): boolean {
    return this.items.length === 0;
  }
}
`,
  ),
  wholeFile(
    'src/queue.ts',
    `export class Queue {
  private readonly items: string[] = [];
  enqueue(item: string): void {
    this.items.push(item);
  }
  dequeue(): string | undefined {
    return this.items.shift();
  }
  get length(): number {
    return this.items.length;
  }
}
`,
  ),
  wholeFile(
    'src/lru-cache.ts',
    `export class LruCache {
  private readonly entries = new Map<string, number>();
  constructor(readonly capacity: number) {}
  get(key: string): number | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }
  set(key: string, value: number): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
  has(key: string): boolean {
    return this.entries.has(key);
  }
}
`,
  ),
  wholeFile(
    'src/users/http.ts',
    `export type Transport = (url: string) => Promise<unknown>;
export class HttpClient {
  constructor(
    private readonly baseUrl: string,
    private readonly transport: Transport,
  ) {}
  getJson(path: string): Promise<unknown> {
    return this.transport(this.baseUrl + path);
  }
}
`,
  ),
  wholeFile(
    'src/users/fetch-users.ts',
    `import type { HttpClient } from './http.js';
interface Person {
  id: number;
  first_name: string;
  last_name: string;
}
export async function fetchUsers(client: HttpClient): Promise<{ id: number; name: string }[]> {
  const people = (await client.getJson('/users')) as Person[];
  return people.map((person) => ({ id: person.id, name: person.first_name + ' ' + person.last_name }));
}
`,
  ),
];

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

describe('redgreen fix from tests alone', () => {
  it('scaffolds the missing modules before the baseline, then grows them green with a reply per module', async () => {
    project = await copyFixture('tdd-tests-only');
    const replies = await writeReplies(implementations);
    const run = await runCli(['fix', project.dir, '--model', `scripted:${replies}`, '--edit-format', 'whole-file', '--max-iter', '8', '--yes', '--json']);
    const json = fixJsonResultSchema.parse(parseJsonOutput(run.stdout));
    expect(json.status, run.stderr).toBe('green');
    expect(run.stderr).toMatch(/scaffold {2}\d+ created for what the tests expect: .*src\/stack\.ts/);
    const scaffolded = json.scaffold?.files.map((f) => f.file) ?? [];
    for (const file of ['src/calculator.ts', 'src/stack.ts', 'src/queue.ts', 'src/lru-cache.ts', 'src/users/http.ts', 'src/users/fetch-users.ts'])
      expect(scaffolded).toContain(file);
    expect(json.scaffold?.findings.some((finding) => finding.includes('src/stack.ts'))).toBe(true);
    // the baseline failed on the stubs, not on imports: every test was seen and failing
    expect(json.baseline.total).toBe(json.final.total);
    expect(json.baseline.passed).toBe(0);
    expect(json.final.failed).toBe(0);
    // written only after approval (--yes), through write-back: the implementations and the helper module
    expect(await readFile(join(project.dir, 'src/stack.ts'), 'utf8')).toContain('class EmptyStackError extends Error');
    expect(json.files).toEqual(expect.arrayContaining(scaffolded));
  }, 300_000);

  it('with --no-scaffold, the missing modules stay import failures and nothing is stubbed', async () => {
    project = await copyFixture('tdd-tests-only');
    const replies = await writeReplies([implementations[1] as string]);
    const run = await runCli([
      'fix',
      project.dir,
      '--model',
      `scripted:${replies}`,
      '--edit-format',
      'whole-file',
      '--max-iter',
      '1',
      '--no-scaffold',
      '--json',
    ]);
    const json = fixJsonResultSchema.parse(parseJsonOutput(run.stdout));
    expect(json.status).toBe('red');
    expect(json.scaffold).toBeUndefined();
    expect(json.failures.some((failure) => failure.message.includes('src/calculator'))).toBe(true);
    expect(existsSync(join(project.dir, 'src'))).toBe(false);
  }, 300_000);

  it('scaffolds nothing when a test file does not parse, and says which file and line', async () => {
    project = await copyFixture('tdd-tests-only');
    await writeFile(join(project.dir, 'test/queue.test.ts'), "import { Queue } from '../src/queue.js';\ndescribe('broken', () => {\n  it('x', () => {\n");
    const replies = await writeReplies([implementations[0] as string]);
    const run = await runCli(['fix', project.dir, '--model', `scripted:${replies}`, '--edit-format', 'whole-file', '--max-iter', '1', '--dry-run', '--json']);
    const json = fixJsonResultSchema.parse(parseJsonOutput(run.stdout));
    expect(json.scaffold?.files ?? []).toEqual([]);
    expect(json.scaffold?.notes.join('\n')).toMatch(/nothing scaffolded: test\/queue\.test\.ts:\d+: /);
    expect(existsSync(join(project.dir, 'src'))).toBe(false);
  }, 300_000);
});

describe('redgreen fix on code that exists but disagrees with its tests', () => {
  it('reports the wrong arity and the sync function the tests await, though nothing is missing', async () => {
    project = await copyFixture('tdd-disagree');
    const before = await snapshotFiles(project.dir);
    const run = await runCli(['fix', project.dir, '--max-iter', '1', '--dry-run', '--json']);
    const json = fixJsonResultSchema.parse(parseJsonOutput(run.stdout));
    expect(json.scaffold?.files ?? [], run.stderr).toEqual([]);
    const findings = json.scaffold?.findings ?? [];
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^`add` takes at most 1 argument, but the tests pass 2: src\/math\.ts \(test\/math\.test\.ts:\d+\)/),
        expect.stringMatching(/^`load` in src\/math\.ts does not return a Promise, but the tests await it \(test\/math\.test\.ts:\d+\)/),
      ]),
    );
    expect(findings).toHaveLength(2);
    expect(run.stderr).toContain('`add` takes at most 1 argument');
    expect(await snapshotFiles(project.dir)).toEqual(before);
  }, 300_000);
});
