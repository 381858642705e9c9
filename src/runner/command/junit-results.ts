import { XMLParser } from 'fast-xml-parser';
import { escapeRegExp } from '../core/name-filter.js';
import type { TestResult } from '../../core/test-report.js';
import { loadFailureName } from '../../core/test-report.js';
import { toFailure } from './failure-text.js';
import { commandFile, isFilePath, projectFile } from './file-of-result.js';

type XmlNode = Record<string, unknown>;

const listTags = new Set(['testsuite', 'testcase', 'failure', 'error', 'skipped']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // numeric character references (`&#10;` in mocha's and pytest's messages) are decoded only with this on
  htmlEntities: true,
  isArray: (tag) => listTags.has(tag),
});

/** The parsed document when its root is `<testsuites>` or `<testsuite>`; undefined for any other XML. */
export function parseJunit(text: string): XmlNode | undefined {
  let document: XmlNode;
  try {
    document = parser.parse(text) as XmlNode;
  } catch {
    return undefined;
  }
  if (document.testsuites !== undefined) return asNode(document.testsuites);
  // a lone <testsuite> root: the visit below starts one level up, as for <testsuites>
  return document.testsuite !== undefined ? { testsuite: nodes(document.testsuite) } : undefined;
}

/**
 * Per-test results from a JUnit report (jest-junit, vitest, mocha-junit-reporter, pytest, node): the file
 * from `file`, else a path-like `classname`, else the outermost suite's name; the name from the suites' titles
 * and the testcase's name (a title the name already holds is not repeated, a path is not a title).
 */
export function junitResults(document: XmlNode, roots: readonly string[]): TestResult[] {
  const results: TestResult[] = [];
  const visit = (suite: XmlNode, titles: readonly string[], file: string | undefined): void => {
    const suiteFile = attribute(suite, 'file') ?? file;
    for (const testcase of nodes(suite.testcase)) results.push(testcaseResult(testcase, titles, suiteFile, roots));
    const errors = nodes(suite.error);
    const loadError =
      errors.length > 0 || (Number(attribute(suite, 'errors') ?? 0) > 0 && nodes(suite.testcase).length === 0 && nodes(suite.testsuite).length === 0);
    if (loadError) results.push(loadFailure(suite, errors[0], titles, suiteFile, roots));
    for (const child of nodes(suite.testsuite)) visit(child, [...titles, attribute(child, 'name') ?? ''], suiteFile);
  };
  visit(document, [], undefined);
  return results;
}

function testcaseResult(testcase: XmlNode, titles: readonly string[], suiteFile: string | undefined, roots: readonly string[]): TestResult {
  const classname = attribute(testcase, 'classname');
  const fromClass = classname !== undefined && isFilePath(classname) ? classname : undefined;
  const [file, rest] = locate(attribute(testcase, 'file') ?? suiteFile ?? fromClass, titles, roots);
  const own = attribute(testcase, 'name') ?? '';
  const context = [...rest, ...(classname !== undefined && classname !== fromClass && /^\w+(?:\.\w+)+$/.test(classname) ? [classname] : [])];
  const name = own === file ? loadFailureName : [...context.filter((title) => !holdsWords(own, title)), own].join(' > ');
  const problem = nodes(testcase.failure)[0] ?? nodes(testcase.error)[0];
  const status = problem ? 'failed' : testcase.skipped !== undefined ? 'skipped' : 'passed';
  return {
    id: { file, name },
    status,
    durationMs: seconds(attribute(testcase, 'time')),
    ...(problem ? { failure: problemFailure(problem, roots) } : {}),
  };
}

function loadFailure(
  suite: XmlNode,
  error: XmlNode | undefined,
  titles: readonly string[],
  suiteFile: string | undefined,
  roots: readonly string[],
): TestResult {
  const [file] = locate(suiteFile, titles, roots);
  const fallback = `the suite reported ${attribute(suite, 'errors') ?? 'an'} error(s) and ran no tests`;
  const body = [text(suite['system-err']), text(suite['system-out'])].filter((part) => part.trim() !== '').join('\n');
  const failure = error ? problemFailure(error, roots) : toFailure({ message: fallback, stack: body, details: body }, roots);
  return { id: { file, name: loadFailureName }, status: 'failed', durationMs: seconds(attribute(suite, 'time')), failure };
}

/** The file (a given path, else the outermost suite's name) and the suite titles that are not paths, for the name. */
function locate(path: string | undefined, titles: readonly string[], roots: readonly string[]): [string, string[]] {
  const names = titles.filter((title) => title !== '' && !isFilePath(title));
  const outerPath = titles[0] !== undefined && isFilePath(titles[0]) ? titles[0] : undefined;
  const file = path ?? outerPath;
  if (file !== undefined) return [projectFile(file, roots), names];
  return [names[0] ?? commandFile, names];
}

function problemFailure(problem: XmlNode, roots: readonly string[]) {
  const body = text(problem).trim();
  const message = attribute(problem, 'message') ?? body.split('\n')[0] ?? attribute(problem, 'type') ?? 'failed';
  return toFailure({ message, stack: body, details: body }, roots);
}

/** Whether `name` already holds `title` as whole words (jest-junit and mocha put the suite titles in the name). */
function holdsWords(name: string, title: string): boolean {
  return new RegExp(`(?:^|\\s)${escapeRegExp(title)}(?:\\s|$)`).test(name);
}

function nodes(value: unknown): XmlNode[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(asNode);
}

function asNode(value: unknown): XmlNode {
  if (value !== null && typeof value === 'object') return value as XmlNode;
  return typeof value === 'string' ? { '#text': value } : {};
}

function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`@${name}`];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function text(value: unknown): string {
  return nodes(value)
    .map((node) => (typeof node['#text'] === 'string' ? node['#text'] : ''))
    .join('\n');
}

function seconds(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? Math.round(parsed * 1000) : 0;
}
