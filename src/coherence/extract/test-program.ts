import { join } from 'node:path';
import ts from 'typescript';

/**
 * One program over all the test files, for the checker's reading of literals and declared variables
 * (`const xs = [1, 2]` is `number[]`). Imports are not followed (the code under test may not exist, and
 * loading it would cost time), no type library but the ES one is loaded, and JavaScript tests are read
 * (allowJs) without being checked.
 */
export function createTestProgram(projectDir: string, testFiles: readonly string[]): ts.Program {
  const options: ts.CompilerOptions = {
    noEmit: true,
    allowJs: true,
    checkJs: false,
    noResolve: true,
    types: [],
    lib: ['lib.es2023.d.ts'],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    jsx: ts.JsxEmit.Preserve,
    strict: true,
    skipLibCheck: true,
  };
  return ts.createProgram(
    testFiles.map((file) => join(projectDir, file)),
    options,
  );
}
