import type { ContractFinding } from './contract-model.js';

/** What scaffolding would write for a project's tests, and what it leaves alone. */
export interface ScaffoldPlan {
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

/** Reads what `testFiles` expect of the code in `root` and plans the stubs for what is missing. */
export async function planScaffold(root: string, testFiles: readonly string[]): Promise<ScaffoldPlan> {
  void root;
  void testFiles;
  return { files: [], findings: [], unsettled: [], notes: [], summary: '' };
}
