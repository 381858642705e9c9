import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFailureName } from '../../src/core/test-report.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { searchReplace, writeReplies } from '../helpers/replies-file.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';
import type { CliRun } from '../helpers/run-cli.js';

/**
 * Honest verdicts: whatever hides a failure from per-test results (a test file that does not load, a throw at
 * top level, code that ends the test process early with status 0) must never come out as green.
 */

interface TestIdJson {
  readonly file: string;
  readonly name: string;
}

interface JsonResult {
  readonly status: 'green' | 'already-green' | 'red';
  readonly exitCode: number;
  readonly stopReason: string;
  readonly exhaustedReason?: string;
  readonly final: { readonly passed: number; readonly failed: number; readonly total: number };
  readonly stillFailing: readonly TestIdJson[];
  readonly failures: readonly { readonly id: TestIdJson; readonly message: string }[];
  readonly steps: readonly { readonly outcome: string; readonly feedback: readonly string[] }[];
  readonly delivery: { readonly kind: string };
}

/** How a fixture's test files are written: the three module styles the runners see in the wild. */
type TestStyle = 'vitest' | 'jest' | 'node-test' | 'mocha';

interface RunnerCase {
  readonly fixture: string;
  readonly runner: string;
  readonly style: TestStyle;
  /** Where new test files go and how they are named. */
  readonly testDir: string;
  readonly ext: string;
  /** The module with the fixture's one bug, the buggy text and its fix. */
  readonly source: string;
  readonly bug: string;
  readonly fix: string;
  /** A test the bug makes fail. */
  readonly fixedTest: string;
  /** A reply that fixes the bug and also ends the test process with status 0 when a function under test runs. */
  readonly exitingFix: string;
  /** What the load failure of a file with a syntax error at `line` says: the framework's words and, where it gives it, the line. */
  readonly syntaxError: (file: string, line: number) => RegExp;
  /** Seconds the built-in engine gets for the repair. */
  readonly budget: number;
}

const cases: readonly RunnerCase[] = [
  {
    fixture: 'vitest-library',
    runner: 'vitest',
    style: 'vitest',
    testDir: 'test',
    ext: '.test.ts',
    source: 'src/discount.ts',
    bug: '  if (total > bulkThreshold) {',
    fix: '  if (total >= bulkThreshold) {',
    fixedTest: 'bulkDiscount > gives 10% on exactly $100',
    // Below the threshold: the test of a small order, which passed before, now ends the process.
    exitingFix: searchReplace(
      'src/discount.ts',
      '  if (total > bulkThreshold) {\n    return percentOf(total, bulkPercent);\n  }\n  return 0;',
      '  if (total >= bulkThreshold) {\n    return percentOf(total, bulkPercent);\n  }\n  process.exit(0);',
    ),
    // Vitest (oxc) puts the location on a later line of its message; the report brings it to the headline.
    syntaxError: (file, line) => new RegExp(`Transform failed .*Unexpected token \\(at ${escapeRegExp(file)}:${line}\\)`),
    budget: 90,
  },
  {
    fixture: 'jest-library',
    runner: 'jest',
    style: 'jest',
    testDir: '__tests__',
    ext: '.test.js',
    source: 'src/calendar.js',
    bug: '  for (let i = 0; i < count - 1; i++) {',
    fix: '  for (let i = 0; i <= count - 1; i++) {',
    fixedTest: 'calendar > lists the next days, the start included',
    exitingFix: searchReplace(
      'src/calendar.js',
      '  const days = [];\n  for (let i = 0; i < count - 1; i++) {',
      '  const days = [];\n  if (count === 0) {\n    process.exit(0);\n  }\n  for (let i = 0; i < count; i++) {',
    ),
    syntaxError: (file, line) => new RegExp(`${escapeRegExp(file)}: Unexpected token \\(${line}:\\d+\\)`),
    budget: 120,
  },
  {
    fixture: 'node-test-library',
    runner: 'node-test',
    style: 'node-test',
    testDir: 'test',
    ext: '.test.js',
    source: 'src/reading.js',
    bug: '  return Math.max(1, Math.floor(words / wordsPerMinute));',
    fix: '  return Math.max(1, Math.ceil(words / wordsPerMinute));',
    fixedTest: 'readingMinutes > rounds a long text up to whole minutes',
    exitingFix: searchReplace(
      'src/reading.js',
      '  if (words === 0) {\n    return 0;\n  }\n  return Math.max(1, Math.floor(words / wordsPerMinute));',
      '  if (words === 0) {\n    process.exit(0);\n  }\n  return Math.max(1, Math.ceil(words / wordsPerMinute));',
    ),
    syntaxError: (file, line) => new RegExp(`SyntaxError: Unexpected token .*\\(at ${escapeRegExp(file)}:${line}\\)`),
    budget: 150,
  },
  {
    fixture: 'mocha-esm',
    runner: 'mocha',
    style: 'mocha',
    testDir: 'test',
    ext: '.test.js',
    source: 'src/pricing.js',
    bug: '  if (quantity > bulkThreshold) {',
    fix: '  if (quantity >= bulkThreshold) {',
    fixedTest: 'linePrice > gives the bulk discount from ten units on',
    // Below the threshold: the test of a small line, which passed before, now ends the process.
    exitingFix: searchReplace(
      'src/pricing.js',
      '  if (quantity > bulkThreshold) {\n    return Math.round((gross * (100 - bulkDiscountPercent)) / 100);\n  }\n  return gross;',
      '  if (quantity >= bulkThreshold) {\n    return Math.round((gross * (100 - bulkDiscountPercent)) / 100);\n  }\n  process.exit(0);',
    ),
    syntaxError: (file) => new RegExp(`SyntaxError.*${escapeRegExp(file)}|${escapeRegExp(file)}.*SyntaxError|Unexpected token`),
    budget: 150,
  },
];

/** The opening lines of a test file in each style (test functions and assertions in scope). */
const preludes: Record<TestStyle, (imports: string) => string> = {
  vitest: (imports) => `import { expect, it } from 'vitest';\n${imports}`,
  jest: (imports) => `'use strict';\n\n${imports}`,
  'node-test': (imports) => `import assert from 'node:assert/strict';\nimport { it } from 'node:test';\n${imports}`,
  mocha: (imports) => `import assert from 'node:assert/strict';\n${imports}`,
};

const checks: Record<TestStyle, (actual: string, expected: string) => string> = {
  vitest: (actual, expected) => `expect(${actual}).toBe(${expected});`,
  jest: (actual, expected) => `expect(${actual}).toBe(${expected});`,
  'node-test': (actual, expected) => `assert.equal(${actual}, ${expected});`,
  mocha: (actual, expected) => `assert.equal(${actual}, ${expected});`,
};

function importLine(style: TestStyle, name: string, from: string): string {
  if (style === 'jest') return `const { ${name} } = require('${from}');\n`;
  return `import { ${name} } from '${from}${style === 'node-test' || style === 'mocha' ? '.js' : ''}';\n`;
}

/** The module `missingImportTest` asks for, written so that calling its function ends the process with status 0. */
function exitingModule(style: TestStyle): { readonly file: string; readonly text: string } {
  if (style === 'jest')
    return { file: 'src/missing-thing.js', text: "'use strict';\n\nfunction shippingCost() {\n  process.exit(0);\n}\n\nmodule.exports = { shippingCost };\n" };
  if (style === 'vitest') return { file: 'src/missing-thing.ts', text: 'export function shippingCost(_weight: number): number {\n  process.exit(0);\n}\n' };
  return { file: 'src/missing-thing.js', text: 'export function shippingCost() {\n  process.exit(0);\n}\n' };
}

/** A search/replace block with an empty SEARCH: the whole content of a new file. */
function newFile(file: string, text: string): string {
  return `${file}\n\`\`\`\n<<<<<<< SEARCH\n=======\n${text}>>>>>>> REPLACE\n\`\`\`\n`;
}

/** A test file that imports a module that does not exist. */
function missingImportTest(style: TestStyle): string {
  return `${preludes[style](importLine(style, 'shippingCost', '../src/missing-thing'))}\nit('charges flat shipping', () => {\n  ${checks[style]('shippingCost(1)', '500')}\n});\n`;
}

const syntaxErrorLine = '  const total = (1 + ;';

/** A test file that does not parse, and the 1-based line of the error. */
function syntaxErrorTest(style: TestStyle): { readonly text: string; readonly line: number } {
  const text = `${preludes[style]('')}\nit('adds', () => {\n${syntaxErrorLine}\n  ${checks[style]('total', '1')}\n});\n`;
  return { text, line: text.split('\n').indexOf(syntaxErrorLine) + 1 };
}

const topLevelError = 'the seed data is not configured';

/** A test file that throws while it loads, before any of its tests is declared. */
function throwingTest(style: TestStyle): string {
  return `${preludes[style]('')}\nthrow new Error('${topLevelError}');\n\nit('never runs', () => {\n  ${checks[style]('1', '1')}\n});\n`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function replaceIn(dir: string, file: string, search: string, replace: string): Promise<void> {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  expect(text, `${file} holds ${search}`).toContain(search);
  await writeFile(path, text.replace(search, replace));
}

function parseJson(run: CliRun): JsonResult {
  expect(run.stdout.trim(), run.stderr).not.toBe('');
  return JSON.parse(run.stdout) as JsonResult;
}

/** Red with exit 1 and a well-formed verdict: never green, never a crash (3) or a usage error (2). */
function expectRed(run: CliRun): JsonResult {
  expect(run.code, run.stderr).toBe(1);
  const result = parseJson(run);
  expect(result).toMatchObject({ status: 'red', exitCode: 1 });
  expect(run.stderr).not.toMatch(/^error /m);
  expect(run.stderr).not.toMatch(/^\s+at .*(dist|node_modules)\//m);
  return result;
}

function loadFailureOf(result: JsonResult, file: string): { readonly id: TestIdJson; readonly message: string } | undefined {
  expect(result.stillFailing).toContainEqual({ file, name: loadFailureName });
  return result.failures.find((f) => f.id.file === file && f.id.name === loadFailureName);
}

describe.each(cases)('verdicts on $fixture ($runner)', (c) => {
  const brokenFile = (name: string) => `${c.testDir}/${name}${c.ext}`;

  it('stays red, naming the missing module and the importing file, and touches nothing', async () => {
    project = await copyFixture(c.fixture);
    await replaceIn(project.dir, c.source, c.bug, c.fix);
    const file = brokenFile('shipping');
    await writeFile(join(project.dir, file), missingImportTest(c.style));
    const before = await snapshotFiles(project.dir);
    // --no-scaffold: the verdict on a module nobody wrote (scaffolding would stub it; see fix-tests-first).
    const result = expectRed(await runCli(['fix', project.dir, '--json', '--yes', '--budget-seconds', '20', '--no-scaffold']));
    expect(loadFailureOf(result, file)?.message).toMatch(/missing-thing/);
    expect(result.exhaustedReason).toMatch(new RegExp(`${escapeRegExp(file)} imports .*missing-thing`));
    expect(await snapshotFiles(project.dir)).toEqual(before);
  });

  it('stays red on a test file with a syntax error, naming the file', async () => {
    project = await copyFixture(c.fixture);
    await replaceIn(project.dir, c.source, c.bug, c.fix);
    const file = brokenFile('totals');
    const broken = syntaxErrorTest(c.style);
    await writeFile(join(project.dir, file), broken.text);
    const before = await snapshotFiles(project.dir);
    const result = expectRed(await runCli(['fix', project.dir, '--json', '--yes', '--max-iter', '1', '--budget-seconds', '20']));
    expect(loadFailureOf(result, file)?.message).toMatch(c.syntaxError(file, broken.line));
    expect(await snapshotFiles(project.dir)).toEqual(before);
  });

  it('is never "already green" when a test file throws at top level', async () => {
    project = await copyFixture(c.fixture);
    await replaceIn(project.dir, c.source, c.bug, c.fix);
    const file = brokenFile('seed');
    await writeFile(join(project.dir, file), throwingTest(c.style));
    const before = await snapshotFiles(project.dir);
    const run = await runCli(['fix', project.dir, '--json', '--yes', '--max-iter', '1', '--budget-seconds', '20']);
    expect(run.stderr).not.toContain('already green');
    const result = expectRed(run);
    expect(loadFailureOf(result, file)?.message).toContain(topLevelError);
    expect(await snapshotFiles(project.dir)).toEqual(before);
  });

  it('with --tests on that file alone reports its load failure, not a crash', async () => {
    project = await copyFixture(c.fixture);
    await replaceIn(project.dir, c.source, c.bug, c.fix);
    const file = brokenFile('seed');
    await writeFile(join(project.dir, file), throwingTest(c.style));
    const before = await snapshotFiles(project.dir);
    const result = expectRed(await runCli(['fix', project.dir, '--tests', file, '--json', '--yes', '--max-iter', '1', '--budget-seconds', '20']));
    expect(result.stillFailing).toEqual([{ file, name: loadFailureName }]);
    expect(loadFailureOf(result, file)?.message).toContain(topLevelError);
    expect(await snapshotFiles(project.dir)).toEqual(before);
  });

  it('does not call a fix green while another test file does not load', async () => {
    project = await copyFixture(c.fixture);
    const file = brokenFile('shipping');
    await writeFile(join(project.dir, file), missingImportTest(c.style));
    const before = await snapshotFiles(project.dir);
    const replies = await writeReplies([searchReplace(c.source, c.bug, c.fix)]);
    const result = expectRed(await runCli(['fix', project.dir, '--model', `scripted:${replies}`, '--json', '--yes', '--no-scaffold']));
    expect(result.steps[0]?.outcome).toBe('improved');
    expect(result.final.failed).toBe(1);
    expect(result.stillFailing).toEqual([{ file, name: loadFailureName }]);
    expect(result.stillFailing.map((id) => id.name)).not.toContain(c.fixedTest);
    expect(result.delivery.kind).not.toBe('applied');
    expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
  });

  it('never calls green a fix that ends the test process early with status 0, and applies nothing', async () => {
    project = await copyFixture(c.fixture);
    const before = await snapshotFiles(project.dir);
    const replies = await writeReplies([c.exitingFix]);
    const run = await runCli(['fix', project.dir, '--model', `scripted:${replies}`, '--json', '--yes']);
    const result = expectRed(run);
    expect(result.steps.map((s) => s.outcome)).not.toContain('green');
    expect(result.delivery.kind).not.toBe('applied');
    expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
  });

  // Known gap with node:test (Node 20): a test file whose process exits with status 0 before reporting a test
  // is reported by Node as one passing test named after the file, and its failing goal simply disappears from
  // the run; the loop scores the rest, finds no failure, and the confirmation run agrees (exit 0). Green.
  it('never calls green a fix whose new module ends the test process with status 0', async () => {
    project = await copyFixture(c.fixture);
    await writeFile(join(project.dir, brokenFile('shipping')), missingImportTest(c.style));
    const before = await snapshotFiles(project.dir);
    const module = exitingModule(c.style);
    const reply = `${searchReplace(c.source, c.bug, c.fix, 'Fix the bug and add the shipping module.')}\n${newFile(module.file, module.text)}`;
    const run = await runCli(['fix', project.dir, '--model', `scripted:${await writeReplies([reply])}`, '--json', '--yes']);
    const result = expectRed(run);
    expect(result.steps.map((s) => s.outcome)).not.toContain('green');
    expect(result.delivery.kind).not.toBe('applied');
    expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
  });

  it('is repaired by the built-in engine, and with --yes the fix is applied', async () => {
    project = await copyFixture(c.fixture);
    const run = await runCli(['fix', project.dir, '--json', '--yes', '--budget-seconds', String(c.budget)]);
    expect(run.code, run.stderr).toBe(0);
    const result = parseJson(run);
    expect(result).toMatchObject({ status: 'green', exitCode: 0, final: { failed: 0 }, delivery: { kind: 'applied' } });
    expect(result.final.total).toBeGreaterThanOrEqual(9);
    expect(await readFile(join(project.dir, c.source), 'utf8')).toContain(c.fix);
  }, 200_000);
});
