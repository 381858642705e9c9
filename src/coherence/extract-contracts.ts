import type { ContractModel } from './contract-model.js';

export interface ExtractOptions {
  /** Project-relative test files to read; default: every test file of the project (runner/is-test-file.ts conventions). */
  readonly testFiles?: readonly string[];
}

/**
 * Reads what the tests in `projectDir` expect of the code (TypeScript compiler API): imported modules and
 * names, calls with arity and argument types, classes and their members, awaited calls, expected throws and
 * result types, across vitest, jest, node:test and mocha/chai styles.
 */
export async function extractContracts(projectDir: string, options: ExtractOptions = {}): Promise<ContractModel> {
  void projectDir;
  void options;
  throw new Error('extractContracts: being built');
}
