import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFailureName } from '../../core/test-report.js';
import { junitResults, parseJunit } from './junit-results.js';

// vitest and node: captured from the real reporters; jest-junit, mocha-junit-reporter and pytest: their documented shape
const sample = (name: string): string => readFileSync(new URL(`../../../fixtures/reports/${name}`, import.meta.url), 'utf8');
const roots = ['/project'];
const read = (text: string) => {
  const document = parseJunit(text);
  if (!document) throw new Error('not a JUnit report');
  return junitResults(document, roots);
};
const summary = (text: string) => read(text).map((result) => [result.id.file, result.id.name, result.status]);

describe('junitResults', () => {
  it("reads vitest's report: file from the classname, a file that did not load, skips and entities", () => {
    expect(summary(sample('vitest-junit.xml'))).toEqual([
      ['test/broken.test.js', loadFailureName, 'failed'],
      ['test/math.test.js', 'add > adds two numbers', 'failed'],
      ['test/math.test.js', 'add > adds zero', 'passed'],
      ['test/math.test.js', 'add > skipped one', 'skipped'],
      ['test/math.test.js', 'add > todo one', 'skipped'],
      ['test/math.test.js', 'add > nested > deep equal', 'failed'],
      ['test/math.test.js', 'top <level> & "quoted"', 'passed'],
    ]);
    const failed = read(sample('vitest-junit.xml'))[1];
    expect(failed).toMatchObject({
      durationMs: 10,
      failure: { message: 'expected -1 to be 3 // Object.is equality', frames: [{ file: 'test/math.test.js', line: 4, column: 52 }] },
    });
    expect(failed?.failure?.output).toContain('- 3\n+ -1');
  });

  it('reads jest-junit: file from the file attribute, names holding their suite, a suite that ran nothing', () => {
    expect(summary(sample('jest-junit.xml'))).toEqual([
      ['test/math.test.js', 'add adds two numbers', 'failed'],
      ['test/math.test.js', 'add adds zero', 'passed'],
      ['test/math.test.js', 'add skipped one', 'skipped'],
      ['test/broken.test.js', loadFailureName, 'failed'],
    ]);
    expect(read(sample('jest-junit.xml'))[0]?.failure).toMatchObject({
      message: 'Error: expect(received).toBe(expected) // Object.is equality',
      frames: [{ file: 'test/math.test.js', line: 4, column: 22, fn: 'Object.toBe' }],
    });
  });

  it("reads mocha-junit-reporter: the suite's file, CDATA bodies, an <error> outside any testcase", () => {
    expect(summary(sample('mocha-junit.xml'))).toEqual([
      ['test/math.spec.js', 'add adds two numbers', 'failed'],
      ['test/math.spec.js', 'add adds zero', 'passed'],
      ['test/math.spec.js', 'add nested deep equal', 'failed'],
      ['test/broken.spec.js', loadFailureName, 'failed'],
    ]);
    const results = read(sample('mocha-junit.xml'));
    expect(results[0]?.failure?.message).toBe('Expected values to be strictly equal:\n\n-1 !== 3');
    expect(results[3]?.failure).toMatchObject({ message: "Cannot find module '../missing.js'", frames: [{ file: 'test/broken.spec.js', line: 1 }] });
  });

  it("reads node's nested suites and pytest's dotted classnames", () => {
    expect(summary(sample('node-test-junit.xml'))).toContainEqual(['add', 'add > nested > deep equal', 'failed']);
    expect(summary(sample('node-test-junit.xml'))).toContainEqual(['<command>', 'top level passes', 'passed']);
    expect(summary(sample('pytest-junit.xml'))).toEqual([
      ['pytest', 'pytest > tests.test_math > test_add', 'failed'],
      ['pytest', 'pytest > tests.test_math > test_zero', 'passed'],
      ['pytest', 'pytest > tests.test_math > test_later', 'skipped'],
      ['pytest', 'pytest > tests.test_broken', 'failed'],
    ]);
    expect(read(sample('pytest-junit.xml'))[0]?.failure?.message).toBe('assert -1 == 3\n +  where -1 = add(1, 2)');
  });

  it('reads a lone <testsuite> root', () => {
    const text = '<testsuite name="unit" tests="1"><testcase classname="src/a.test.ts" name="works" time="0.5"/></testsuite>';
    expect(read(text)).toEqual([{ id: { file: 'src/a.test.ts', name: 'unit > works' }, status: 'passed', durationMs: 500 }]);
  });
});

describe('parseJunit', () => {
  it('refuses other XML and broken text', () => {
    expect(parseJunit('<?xml version="1.0"?><project><modelVersion>4</modelVersion></project>')).toBeUndefined();
    expect(parseJunit('not xml at all')).toBeUndefined();
  });
});
