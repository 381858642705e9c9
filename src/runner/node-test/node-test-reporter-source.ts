import { writeEventSource } from '../core/runner-events.js';

/**
 * A `node --test` custom reporter (Node ≥ 20): an async generator over the runner's events. It yields
 * nothing; it appends test events to the events file. Full names come from the nesting of `test:start`
 * events, which Node emits in definition order; suites (`details.type === 'suite'`) are not tests.
 */
export const nodeTestReporterSource = `${writeEventSource}
function failureOf(error) {
  if (error && typeof error === 'object' && error.code === 'ERR_TEST_FAILURE' && error.cause) {
    const inner = error.cause;
    return inner && typeof inner === 'object' ? toError(inner) : { message: String(inner) };
  }
  return toError(error);
}
export default async function* redgreenNodeTestReporter(source) {
  const stacks = new Map();
  for await (const event of source) {
    const data = event.data ?? {};
    const file = data.file ?? '';
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
      writeEvent({ type: 'error', file, error: failureOf(error) });
      continue;
    }
    const status = data.skip || data.todo ? 'skipped' : event.type === 'test:pass' ? 'passed' : 'failed';
    const result = { type: 'result', file, titles, status };
    if (typeof details.duration_ms === 'number') result.durationMs = details.duration_ms;
    if (status === 'failed') result.error = failureOf(error);
    writeEvent(result);
  }
}
`;
