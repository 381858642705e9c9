import type { TestExpectations } from '../core/denoiser.js';
import type { FileChange } from '../core/file-change.js';
import type { ScaffoldReport } from '../core/run-result.js';
import { scaffoldForTests } from '../coherence/scaffold-for-tests.js';
import { testsNeedContractCheck } from '../coherence/tests-need-contract-check.js';
import type { EditScope } from './edit-scope.js';
import type { RunContext } from './run-context.js';

export interface ScaffoldStage {
  /** What was scaffolded and left alone; absent when the tests expected nothing the code lacks. */
  readonly report?: ScaffoldReport;
  /** The files written into the sandbox, as changes against the project: the start of the run's fix. */
  readonly changes: readonly FileChange[];
  /** What the tests expect, for the denoisers' prompts; absent when the tests import nothing of the project. */
  readonly expectations?: TestExpectations;
}

/**
 * Tests first: before the baseline, what the goal tests import and the code lacks (modules, exports, class
 * members) is written into the sandbox as typed stubs that throw "not implemented: <symbol>". The baseline then
 * fails on the right symbol instead of on an import error, every denoiser sees which stubs to grow, and the
 * stubs are part of the diff the user approves. Code that exists but disagrees with the tests (an arity, an awaited
 * sync function) is reported, and its findings go to the denoisers. Files outside the edit scope (test folders, `--src`) are left
 * alone and named in the report's notes.
 */
export async function scaffoldMissing(ctx: RunContext, scope: EditScope): Promise<ScaffoldStage> {
  if (ctx.options.scaffold === false) return { changes: [] };
  const testFiles = ctx.options.testFiles ?? (await ctx.sandbox.listFiles()).filter((file) => ctx.isTestFile(file));
  if (testFiles.length === 0) return { changes: [] };
  // The full extraction builds a program over every goal test file: only when something may be missing or disagree.
  if (!(await testsNeedContractCheck(ctx.sandbox.root, testFiles))) return { changes: [] };
  const plan = await scaffoldForTests(ctx.sandbox.root, testFiles);
  const notes = [...plan.notes];
  const changes: FileChange[] = [];
  const written: { file: string; created: boolean }[] = [];
  for (const planned of plan.files) {
    const checked = scope.check(planned.file);
    if (!checked.ok) {
      notes.push(`not scaffolded: ${checked.reason}`);
      continue;
    }
    const before = await ctx.sandbox.readFile(checked.path);
    const refused = (await ctx.sandbox.checkWrite?.(checked.path, planned.text)) ?? scope.review(checked.path, before, planned.text)[0];
    if (refused !== undefined) {
      notes.push(`not scaffolded: ${refused}`);
      continue;
    }
    await ctx.sandbox.writeFile(checked.path, planned.text);
    changes.push({ file: checked.path, before, after: planned.text });
    written.push({ file: checked.path, created: before === undefined });
  }
  const expectations = plan.summary === '' ? undefined : { summary: plan.summary, findings: plan.unsettled.map((finding) => finding.message) };
  const known = expectations === undefined ? {} : { expectations };
  if (written.length === 0 && notes.length === 0 && plan.findings.length === 0) return { changes, ...known };
  const report: ScaffoldReport = { files: written, findings: plan.findings.map((finding) => finding.message), notes };
  await ctx.reporter.onScaffold(report);
  return { report, changes, ...known };
}
