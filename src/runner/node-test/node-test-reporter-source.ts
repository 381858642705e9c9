import { writeEventSource } from '../core/runner-events.js';

/**
 * A `node --test` custom reporter (Node ≥ 20): an async generator over the runner's events. It yields
 * nothing; it appends test events to the events file. Full names come from the nesting of `test:start`
 * events, which Node emits in definition order; suites (`details.type === 'suite'`) are not tests. A file that
 * fails to load fails with a bare "test failed" (Node 20): its error is only in the file's stderr, so that is
 * kept per file and the error read from it.
 */
export const nodeTestReporterSource = `${writeEventSource}
function failureOf(error) {
  if (error && typeof error === 'object' && error.code === 'ERR_TEST_FAILURE' && error.cause) {
    const inner = error.cause;
    return inner && typeof inner === 'object' ? toError(inner) : { message: String(inner) };
  }
  return toError(error);
}
function loadFailureOf(error, stderr) {
  const failure = failureOf(error);
  if (failure.message !== 'test failed' || !stderr) return failure;
  const lines = stderr.split('\\n');
  const at = lines.findIndex((line) => /^[A-Za-z]*(Error|Exception)\\b/.test(line));
  if (at === -1) return failure;
  const where = /^((?:file:\\/\\/)?\\/\\S+):(\\d+)$/.exec(lines[0] ?? '');
  const frames = lines.slice(at + 1).filter((line) => /^\\s+at /.test(line));
  if (where) frames.unshift('    at ' + where[1] + ':' + where[2] + ':1');
  const message = where ? lines[at] + ' (at ' + where[1] + ':' + where[2] + ')' : lines[at];
  return { message, stack: [lines[at], ...frames].join('\\n') };
}
export default async function* redgreenNodeTestReporter(source) {
  const stacks = new Map();
  const stderr = new Map();
  const reported = new Set();
  for await (const event of source) {
    const data = event.data ?? {};
    const file = data.file ?? '';
    if (event.type === 'test:stderr') {
      const text = stderr.get(file) ?? '';
      if (text.length < 20000) stderr.set(file, text + String(data.message ?? ''));
      continue;
    }
    const path = stacks.get(file) ?? [];
    stacks.set(file, path);
    if (event.type === 'test:start') {
      path.length = data.nesting;
      path[data.nesting] = data.name;
      continue;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const details = data.details ?? {};
    const titles = [...path.slice(0, data.nesting), data.name];
    const error = details.error;
    if (details.type === 'suite') {
      const failureType = error?.failureType;
      if (event.type === 'test:fail' && failureType !== 'subtestsFailed') writeEvent({ type: 'error', file, error: failureOf(error) });
      continue;
    }
    if (event.type === 'test:fail' && data.nesting === 0 && file && (data.name === file || error?.failureType === 'testCodeFailure' && !data.line)) {
      writeEvent({ type: 'error', file, error: loadFailureOf(error, stderr.get(file)) });
      continue;
    }
    if (event.type === 'test:pass' && data.nesting === 0 && file && data.name === file) {
      // Node 20 reports a test file whose process ended with status 0 before it reported any test as one
      // passing "test" named after the file: that is not a test, and a file that ran none did not pass.
      if (!reported.has(file)) writeEvent({ type: 'error', file, error: { message: 'the test file reported no tests: its process ended with status 0 before reporting any (an early process.exit?)' } });
      continue;
    }
    reported.add(file);
    const status = data.skip || data.todo ? 'skipped' : event.type === 'test:pass' ? 'passed' : 'failed';
    const result = { type: 'result', file, titles, status };
    if (typeof details.duration_ms === 'number') result.durationMs = details.duration_ms;
    if (status === 'failed') result.error = failureOf(error);
    writeEvent(result);
  }
}
`;
