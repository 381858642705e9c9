import { writeEventSource } from '../core/runner-events.js';

/**
 * The reporter jest loads next to its default one (jest 29/30 reporter API). Jest passes failure details as
 * the thrown errors, whose `matcherResult` carries expected and actual.
 */
export const jestReporterSource = `${writeEventSource}
const statuses = { passed: 'passed', failed: 'failed' };
function titlesOf(result) {
  return [...(result.ancestorTitles ?? []), result.title];
}
export default class RedgreenJestReporter {
  onTestCaseStart(test, info) {
    writeEvent({ type: 'start', file: test.path, titles: titlesOf(info) });
  }
  onTestCaseResult(test, result) {
    const event = { type: 'result', file: test.path, titles: titlesOf(result), status: statuses[result.status] ?? 'skipped' };
    if (typeof result.duration === 'number') event.durationMs = result.duration;
    if (result.status === 'failed') {
      const detail = result.failureDetails?.[0];
      event.error = detail && typeof detail === 'object' ? toError(detail) : { message: String(result.failureMessages?.[0] ?? 'failed') };
      if (!event.error.stack && result.failureMessages?.[0]) event.error.stack = result.failureMessages[0];
    }
    writeEvent(event);
  }
  onTestFileResult(test, testResult) {
    if (testResult.testExecError) writeEvent({ type: 'error', file: test.path, error: toError(testResult.testExecError) });
  }
  getLastError() {
    return undefined;
  }
}
`;
