import { checkContracts } from './check-contracts.js';
import type { ContractFinding, ContractModel } from './contract-model.js';
import { extractContracts } from './extract-contracts.js';
import { printContracts } from './print-contracts.js';
import { planScaffold } from './scaffold.js';
import type { ScaffoldPlan } from './scaffold.js';
import { readScaffoldInputs } from './scaffold-inputs.js';

/** What the tests expect, how the code differs, and the stubs planned for what is missing. */
export interface PlannedScaffold {
  readonly model: ContractModel;
  /** Empty when a test file does not parse (the plan is refused then). */
  readonly findings: readonly ContractFinding[];
  readonly plan: ScaffoldPlan;
}

/** Where the expectations come from: the project's test files (all by default, or `testFiles`), or a model already read. */
export type ScaffoldSource = { readonly testFiles?: readonly string[] } | { readonly model: ContractModel };

/**
 * Extract, check, plan: the one sequence behind `redgreen scaffold` and the scaffold stage of `redgreen fix`.
 * A model with problems (a test file that does not parse) is not checked, and its plan is refused.
 */
export async function planTestsScaffold(root: string, source: ScaffoldSource = {}): Promise<PlannedScaffold> {
  const model = 'model' in source ? source.model : await extractContracts(root, source);
  const findings = model.problems.length > 0 ? [] : await checkContracts(root, model);
  return { model, findings, plan: planScaffold(model, findings, await readScaffoldInputs(root, model)) };
}

/** What the loop writes before its baseline for a project's tests, and what it leaves alone. */
export interface TestsScaffold {
  /** Project-relative files with their whole new text: created, or existing ones with exports or members added. */
  readonly files: readonly { readonly file: string; readonly text: string; readonly created: boolean }[];
  /** What the tests expect that the code lacks. */
  readonly findings: readonly ContractFinding[];
  /** The findings the stubs do not settle (a wrong arity, a function that should be async): for the denoisers. */
  readonly unsettled: readonly ContractFinding[];
  /** The declaration summary of what the tests expect ('' when they import nothing of the project). */
  readonly summary: string;
  /** What is left alone and why: packages not installed, conflicting expectations, test files that do not parse. */
  readonly notes: readonly string[];
}

/** The findings a stub answers: what is missing. The others need the code changed, which is the denoisers' work. */
const settledByStubs = new Set<ContractFinding['kind']>(['missing-module', 'missing-export', 'missing-member']);

/**
 * Reads what `testFiles` expect of the code in `root`, compares it with the code, and plans the stubs for what
 * is missing (planTestsScaffold, as `redgreen scaffold` does). A test file that does not parse stops scaffolding: its
 * problem is a note, and the baseline reports the file as failing to load.
 */
export async function scaffoldForTests(root: string, testFiles: readonly string[]): Promise<TestsScaffold> {
  const { model, findings, plan } = await planTestsScaffold(root, { testFiles });
  const summary = model.modules.length === 0 ? '' : printContracts(model);
  if (plan.status === 'refused') {
    const notes = plan.problems.map((problem) => `nothing scaffolded: ${problem.file}:${problem.line}: ${problem.message}`);
    return { files: [], findings, unsettled: [], summary, notes };
  }
  const notes = [
    ...plan.missingPackages.map(
      (missing) =>
        `\`${missing.specifier}\` is not installed (${missing.importedBy.map((at) => `${at.file}:${at.line}`).join(', ')} imports it): install it; it is not stubbed`,
    ),
    ...plan.conflicts.map((conflict) => `${conflict.message} (scaffolded as the first test reads it)`),
    ...plan.skipped.map((note) => `not scaffolded: ${note.message}`),
  ];
  return {
    files: plan.files.map((file) => ({ file: file.path, text: file.after, created: file.change === 'created' })),
    findings,
    unsettled: findings.filter((finding) => !settledByStubs.has(finding.kind)),
    summary,
    notes,
  };
}
