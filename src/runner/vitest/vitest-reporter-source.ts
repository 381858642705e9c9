import { writeEventSource } from '../core/runner-events.js';

/**
 * The reporter vitest loads in its main process (vitest ≥ 3 reporter API). It also adds the worker-side setup
 * file to every project, because a synchronous hang in a worker stops vitest's throttled task updates before
 * they reach the main process: only the worker knows which tests finished before it.
 */
export const vitestReporterSource = `${writeEventSource}
const setupFile = process.env.REDGREEN_VITEST_SETUP;
function titles(testCase) {
  const names = [];
  for (let current = testCase; current && current.type !== 'module'; current = current.parent) names.unshift(current.name);
  return names;
}
const statuses = { passed: 'passed', failed: 'failed', skipped: 'skipped', pending: 'skipped' };
export default class RedgreenVitestReporter {
  onInit(vitest) {
    if (!setupFile) return;
    for (const project of vitest.projects ?? []) {
      const files = project.config?.setupFiles;
      if (Array.isArray(files) && !files.includes(setupFile)) files.push(setupFile);
    }
  }
  onTestModuleCollected(testModule) {
    for (const testCase of testModule.children.allTests()) writeEvent({ type: 'collected', file: testModule.moduleId, titles: titles(testCase), testId: testCase.id });
  }
  onTestCaseReady(testCase) {
    writeEvent({ type: 'start', file: testCase.module.moduleId, titles: titles(testCase), testId: testCase.id });
  }
  onTestCaseResult(testCase) {
    const result = testCase.result();
    const event = { type: 'result', file: testCase.module.moduleId, titles: titles(testCase), testId: testCase.id, status: statuses[result.state] ?? 'skipped' };
    const duration = testCase.diagnostic()?.duration;
    if (typeof duration === 'number') event.durationMs = duration;
    if (result.errors?.length) event.error = toError(result.errors[0]);
    writeEvent(event);
  }
  onTestModuleEnd(testModule) {
    for (const error of testModule.errors?.() ?? []) writeEvent({ type: 'error', file: testModule.moduleId, error: toError(error) });
  }
  onTestRunEnd(_modules, unhandledErrors) {
    for (const error of unhandledErrors ?? []) writeEvent({ type: 'error', error: toError(error) });
  }
}
`;

/** The setup file that runs inside vitest's workers; it imports hooks from the project's own vitest. */
export function vitestSetupSource(vitestEntryUrl: string): string {
  return `import { afterEach, beforeEach } from ${JSON.stringify(vitestEntryUrl)};
${writeEventSource}
const startedAt = new Map();
function titles(task) {
  const names = [];
  for (let current = task; current && current !== task.file; current = current.suite) names.unshift(current.name);
  return names;
}
beforeEach((context) => {
  const task = context.task;
  startedAt.set(task.id, performance.now());
  writeEvent({ type: 'start', file: task.file.filepath, titles: titles(task), testId: task.id });
});
afterEach((context) => {
  const task = context.task;
  const failed = task.result?.state === 'fail';
  const event = { type: 'result', file: task.file.filepath, titles: titles(task), testId: task.id, status: failed ? 'failed' : 'passed' };
  event.durationMs = performance.now() - (startedAt.get(task.id) ?? performance.now());
  if (failed && task.result.errors?.length) event.error = toError(task.result.errors[0]);
  writeEvent(event);
});
`;
}
