import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFailureName } from '../../core/test-report.js';
import { readTapText } from './tap-reader.js';
import { isFilePath } from './file-of-result.js';
import { tapResults } from './tap-results.js';

// Captured from the real tools with the project at /project (tape and node-tap: their documented shape)
const sample = (name: string): string => readFileSync(new URL(`../../../fixtures/reports/${name}`, import.meta.url), 'utf8');
const roots = ['/project'];
const read = (text: string) => tapResults(readTapText(text), roots);
const summary = (text: string) => read(text).map((result) => [result.id.file, result.id.name, result.status]);

describe('tapResults', () => {
  it('reads node --test: nested subtests, skips and todos, suites left out', () => {
    expect(summary(sample('node-test.tap'))).toEqual([
      ['<command>', 'add > adds two numbers', 'failed'],
      ['<command>', 'add > adds zero', 'passed'],
      ['<command>', 'add > skipped one', 'skipped'],
      ['<command>', 'add > todo one', 'skipped'],
      ['<command>', 'add > nested > deep equal', 'failed'],
      ['<command>', 'top level passes', 'passed'],
      ['<command>', 'throws plain error', 'failed'],
      ['<command>', 'other ok', 'passed'],
    ]);
  });

  it("takes the message, expected, actual, durations and project frames from node's YAML diagnostics", () => {
    const [first, , , , nested] = read(sample('node-test.tap'));
    expect(first).toMatchObject({ durationMs: 2, failure: { message: 'Expected values to be strictly equal:\n\n-1 !== 3', expected: '3', actual: '-1' } });
    expect(first?.failure?.frames).toEqual([{ file: 'test/math.test.js', line: 5, column: 41, fn: 'TestContext.<anonymous>' }]);
    expect(nested?.failure).toMatchObject({ expected: '{\n  "a": 4\n}', actual: '{\n  "a": 0\n}' });
    expect(first?.failure?.output).not.toContain('/project');
  });

  it("turns a top-level subtest named by a file that failed without tests into that file's load failure", () => {
    const [broken, other] = read(sample('node-test-load-failure.tap'));
    expect(broken?.id).toEqual({ file: 'test/broken.test.js', name: loadFailureName });
    expect(broken?.failure?.message).toMatch(/^Error \[ERR_MODULE_NOT_FOUND\]: Cannot find module 'missing\.js'/);
    expect(other).toMatchObject({ id: { file: '<command>', name: 'other ok' }, status: 'passed' });
  });

  it("reads mocha's TAP 12, whose failure details are plain lines after the point", () => {
    const results = read(sample('mocha.tap'));
    expect(results.map((result) => [result.id.name, result.status])).toEqual([
      ['add adds two numbers', 'failed'],
      ['add adds zero', 'passed'],
      ['add skipped one', 'skipped'],
      ['add nested deep equal', 'failed'],
    ]);
    expect(results[0]?.failure).toMatchObject({
      message: 'Expected values to be strictly equal:\n\n-1 !== 3',
      frames: [{ file: 'test/math.spec.js', line: 4, column: 41 }],
    });
  });

  it("reads mocha's TAP 13 diagnostics", () => {
    const [first] = read(sample('mocha-tap13.tap'));
    expect(first?.failure).toMatchObject({ message: 'Expected values to be strictly equal:\n\n-1 !== 3', frames: [{ file: 'test/math.spec.js', line: 4 }] });
  });

  it("names tape's assertions after the test comment above them", () => {
    const results = read(sample('tape.tap'));
    expect(results.map((result) => [result.id.name, result.status])).toEqual([
      ['add adds two numbers > should be strictly equal', 'failed'],
      ['add zero > should be strictly equal', 'passed'],
      ['add zero > should be strictly equal', 'passed'],
      ['add zero > later', 'skipped'],
    ]);
    expect(results[0]?.failure).toMatchObject({
      message: 'should be strictly equal',
      expected: '3',
      actual: '-1',
      frames: [{ file: 'test/math.test.js', line: 5, column: 5 }],
    });
  });

  it("reads node-tap's found/wanted and takes the file from the top-level subtest's path", () => {
    expect(summary(sample('node-tap.tap'))).toEqual([
      ['test/math.test.js', 'add > adds zero', 'passed'],
      ['test/math.test.js', 'add > should be equal', 'failed'],
    ]);
    expect(read(sample('node-tap.tap'))[1]?.failure).toMatchObject({ expected: '3', actual: '-1', frames: [{ file: 'test/math.test.js', line: 6 }] });
  });

  it("does not repeat a title printed as a comment above its own point, and reads AVA's `at`", () => {
    const text =
      "TAP version 13\n# math › adds\nnot ok 1 - math › adds\n  ---\n    name: AssertionError\n    message: 'Values are not the same'\n    at: 'test/math.js:5:4'\n  ...\n1..1\n";
    expect(read(text)[0]).toMatchObject({
      id: { file: '<command>', name: 'math › adds' },
      failure: { message: 'Values are not the same', frames: [{ file: 'test/math.js', line: 5 }] },
    });
  });

  it('reads a file path named relative to the project', () => {
    expect(summary('TAP version 13\n# Subtest: ./test/a.test.js\nnot ok 1 - ./test/a.test.js\n1..1\n')).toEqual([
      ['test/a.test.js', loadFailureName, 'failed'],
    ]);
  });

  it('keeps a subtest that failed while all its own tests passed (a failing hook)', () => {
    const text =
      'TAP version 13\n# Subtest: suite\n    # Subtest: inner\n    ok 1 - inner\n    1..1\nnot ok 1 - suite\n  ---\n  error: before hook failed\n  ...\n1..1\n';
    expect(summary(text)).toEqual([
      ['<command>', 'suite > inner', 'passed'],
      ['<command>', 'suite', 'failed'],
    ]);
  });
});

describe('readTapText', () => {
  it('says when a bail out or a short plan means tests never ran', () => {
    expect(readTapText('TAP version 13\nok 1 - a\nBail out! database down\n').endedEarly).toBe('Bail out! database down');
    expect(readTapText('TAP version 13\n1..3\nok 1 - a\n').endedEarly).toBe('the plan announced 3 tests but 1 ran');
    expect(readTapText('TAP version 13\nok 1 - a\n').endedEarly).toBe('the TAP stream ended without its plan');
    expect(readTapText('TAP version 13\nok 1 - a\n1..1\n').endedEarly).toBeUndefined();
  });

  it('does not take ordinary output for TAP', () => {
    expect(readTapText('building…\nok done\nall good\n').isTap).toBe(false);
    expect(readTapText('> pkg@1.0.0 test\n> node --test\n\nTAP version 13\nok 1 - a\n1..1\n').isTap).toBe(true);
  });
});

describe('isFilePath', () => {
  it('tells source paths from titles', () => {
    expect(['test/a.test.js', '/p/test/a.spec.ts', 'a.test.mjs', 'tests/test_x.py'].every(isFilePath)).toBe(true);
    expect(['adds two numbers', 'add', 'tests.test_math', 'uses a.js well'].some(isFilePath)).toBe(false);
  });
});
