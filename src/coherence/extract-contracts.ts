import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type ts from 'typescript';
import { checkSyntax } from '../analysis/syntax-check.js';
import type { ContractConflict, ContractModel, Evidence, MissingPackage, ModuleContract, TestFileProblem } from './contract-model.js';
import { collectImports } from './extract/bindings.js';
import { findTestFiles } from './extract/find-test-files.js';
import { mergeExport } from './extract/merge-exports.js';
import type { ExportReading, ModuleReading } from './extract/observations.js';
import { resolveSpecifier } from './extract/resolve-specifier.js';
import { createTestProgram } from './extract/test-program.js';
import { readPathAliases } from './extract/tsconfig-paths.js';
import type { BoundName } from './extract/walk/scope.js';
import { walkTestFile } from './extract/walk-test-file.js';

/** Which test files to read. */
export interface ExtractOptions {
  /** Project-relative test files to read; default: every test file of the project (runner/is-test-file.ts conventions). */
  readonly testFiles?: readonly string[];
}

/**
 * Reads what the tests in `projectDir` expect of the code (TypeScript compiler API): imported modules and
 * names, calls with arity and argument types, classes and their members, awaited calls, expected throws and
 * result types, across vitest, jest, node:test and mocha/chai styles. One program serves all test files; a
 * file that does not parse is a problem, and the others are still read.
 */
export async function extractContracts(projectDir: string, options: ExtractOptions = {}): Promise<ContractModel> {
  const testFiles = options.testFiles === undefined ? await findTestFiles(projectDir) : options.testFiles.map((file) => projectPath(projectDir, file));
  const { readable, problems } = await checkTestFiles(projectDir, testFiles);
  const program = createTestProgram(projectDir, readable);
  const checker = program.getTypeChecker();
  const typeScriptProject = existsSync(join(projectDir, 'tsconfig.json'));
  const aliases = typeScriptProject ? readPathAliases(projectDir) : [];
  const modules = new Map<string, ModuleReading>();
  const missing = new Map<string, Evidence[]>();
  const exportOf = (module: ModuleReading, name: string, evidence: Evidence): ExportReading => {
    let reading = module.exports.get(name);
    if (reading === undefined) {
      reading = { name, uses: [], resultUses: [], evidence };
      module.exports.set(name, reading);
    }
    return reading;
  };

  for (const file of readable) {
    const source = program.getSourceFile(join(projectDir, file));
    if (source === undefined) continue;
    const bindings = new Map<ts.Symbol, BoundName>();
    for (const site of collectImports(source)) {
      const evidence: Evidence = { file, line: source.getLineAndCharacterOfPosition(site.node.getStart(source)).line + 1 };
      const target = resolveSpecifier(site.specifier, { projectDir, importer: file, typeScriptProject, aliases });
      if (target.kind === 'ignored') continue;
      if (target.kind === 'missing-package') {
        missing.set(target.name, [...(missing.get(target.name) ?? []), evidence]);
        continue;
      }
      let module = modules.get(target.file);
      if (module === undefined) {
        module = { specifier: site.specifier, file: target.file, exists: target.exists, importedBy: new Set(), exports: new Map() };
        modules.set(target.file, module);
      }
      module.importedBy.add(file);
      for (const binding of site.bindings) {
        const symbol = checker.getSymbolAtLocation(binding.name);
        if (symbol !== undefined) bindings.set(symbol, { module, exportName: binding.exportName });
        if (binding.exportName === '*') continue;
        const reading = exportOf(module, binding.exportName, evidence);
        if (binding.exportName === 'default') reading.localName ??= binding.name.text;
      }
    }
    walkTestFile({ checker, source, file, bindings, exportOf });
  }

  const conflicts: ContractConflict[] = [];
  const moduleContracts: ModuleContract[] = [...modules.values()]
    .sort((a, b) => compare(a.file, b.file))
    .map((module) => ({
      specifier: module.specifier,
      file: module.file,
      exists: module.exists,
      exports: [...module.exports.values()].map((reading) => mergeExport(reading, module.file, conflicts)),
      importedBy: [...module.importedBy],
    }));
  const missingPackages: MissingPackage[] = [...missing.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([specifier, importedBy]) => ({ specifier, importedBy }));
  return { testFiles, modules: moduleContracts, conflicts, missingPackages, problems };
}

/** Splits the test files into those that parse and the problems of those that do not (or cannot be read). */
async function checkTestFiles(projectDir: string, testFiles: readonly string[]): Promise<{ readable: string[]; problems: TestFileProblem[] }> {
  const readable: string[] = [];
  const problems: TestFileProblem[] = [];
  const texts = await Promise.all(
    testFiles.map((file) => readFile(join(projectDir, file), 'utf8').catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))),
  );
  for (const [index, file] of testFiles.entries()) {
    const text = texts[index]!;
    if (text instanceof Error) {
      problems.push({ file, line: 0, message: `${file}: cannot be read (${text.message})` });
      continue;
    }
    const syntax = checkSyntax(file, text);
    if (syntax.ok) readable.push(file);
    else problems.push({ file, line: syntax.line, message: syntax.message });
  }
  return { readable, problems };
}

function projectPath(projectDir: string, file: string): string {
  const relativePath = isAbsolute(file) ? relative(projectDir, file) : file;
  return relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
