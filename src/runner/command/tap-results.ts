import { stringify } from 'yaml';
import type { TestResult } from '../../core/test-report.js';
import { loadFailureName } from '../../core/test-report.js';
import type { FailureParts } from './failure-text.js';
import { commandFile, isFilePath, projectFile } from './file-of-result.js';
import { toFailure, valueText } from './failure-text.js';
import type { TapPoint, TapStream } from './tap-reader.js';

/**
 * Per-test results from a TAP stream: nested subtests named by their titles joined with ' > ', subtests that
 * only group others left out (unless they failed on their own, as a failing hook does), a top-level subtest
 * named by a file path becoming the file of everything under it (or its load failure when it holds no tests).
 */
export function tapResults(stream: TapStream, roots: readonly string[]): TestResult[] {
  const results: TestResult[] = [];
  for (const point of stream.points) {
    const { result } = point;
    const subtest = stream.subtests.get(result);
    if (subtest && subtest.count > 0 && (result.ok || !subtest.ok)) continue;
    const [first, ...rest] = [...point.titles, result.name];
    const byPath = first !== undefined && isFilePath(first) ? projectFile(first, roots) : undefined;
    const file = byPath ?? commandFile;
    const titles = byPath !== undefined ? rest : [first, ...rest];
    const name = titles.length > 0 ? titles.join(' > ') : byPath !== undefined ? loadFailureName : result.name;
    const skipped = Boolean(result.skip) || Boolean(result.todo);
    const status = skipped ? 'skipped' : result.ok ? 'passed' : 'failed';
    results.push({
      id: { file, name },
      status,
      durationMs: Math.max(0, Math.round(result.time ?? 0)),
      ...(status === 'failed' ? { failure: toFailure(tapFailure(point, name === loadFailureName), roots) } : {}),
    });
  }
  return results;
}

function field(diag: unknown, key: string): unknown {
  return diag !== null && typeof diag === 'object' ? (diag as Record<string, unknown>)[key] : undefined;
}

/** The failure from YAML diagnostics (node, tape, node-tap, AVA, mocha's TAP 13) or the lines printed after the point (mocha's TAP 12). */
function tapFailure(point: TapPoint, loadFailure: boolean): FailureParts {
  const { diag, name } = point.result;
  const printed = point.comments.join('\n');
  if (loadFailure && printed !== '') {
    const message = point.comments.find((line) => /^\s*\w*Error\b/.test(line)) ?? point.comments[0] ?? name;
    return { message, stack: printed, details: printed };
  }
  if (diag === null || typeof diag !== 'object' || Object.keys(diag as object).length === 0) {
    const text = dedent(point.extra.join(''));
    const message = text.split('\n').findIndex((line) => /^\w*Error\b.*:|^\s*at /.test(line));
    return { message: (message > 0 ? text.split('\n').slice(0, message).join('\n') : text) || name, stack: text };
  }
  const message = [field(diag, 'error'), field(diag, 'message')].find((value) => typeof value === 'string');
  const expected = valueText(field(diag, 'expected') ?? field(diag, 'wanted'));
  const actual = valueText(field(diag, 'actual') ?? field(diag, 'found'));
  // tape and node-tap give the failing line twice, as `at` and inside the stack
  const stack = valueText(field(diag, 'stack')) ?? atText(field(diag, 'at'));
  return {
    message: typeof message === 'string' ? message : name,
    ...(expected !== undefined ? { expected } : {}),
    ...(actual !== undefined ? { actual } : {}),
    ...(stack !== undefined ? { stack } : {}),
    details: [printed, stringify(diag).trim()].filter((part) => part !== '').join('\n\n'),
  };
}

/** tape and AVA give `at` as a frame string; node-tap as `{ fileName, lineNumber, columnNumber }`. */
function atText(at: unknown): string | undefined {
  if (typeof at === 'string') return `at ${at.replace(/^at /, '')}`;
  const file = field(at, 'fileName') ?? field(at, 'file');
  const line = field(at, 'lineNumber') ?? field(at, 'line');
  if (typeof file !== 'string' || typeof line !== 'number') return undefined;
  const column = field(at, 'columnNumber') ?? field(at, 'column');
  return `at ${file}:${line}:${typeof column === 'number' ? column : 1}`;
}

function dedent(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^\s*/.exec(line)?.[0].length ?? 0));
  return lines
    .map((line) => line.slice(Number.isFinite(indent) ? indent : 0))
    .join('\n')
    .trim();
}
