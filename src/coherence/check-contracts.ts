import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { checkCall } from './callable-checks.js';
import type { ClassContract, ContractFinding, ContractModel, ExportContract, FunctionContract, ModuleContract } from './contract-model.js';
import { evidenceText } from './evidence-text.js';
import { nearName } from './near-name.js';

/**
 * Compares what the tests expect (`model`) with the code as it is: modules that do not exist, exports and class
 * members that are missing (with a near name when one exists: a renamed export), calls with an arity no
 * signature accepts, awaited functions that return no Promise, `new` on something that is not a class and
 * calls on something that is not a function. The code is read with the TypeScript checker over the modules'
 * files (JavaScript through `allowJs`, with its JSDoc types).
 */
export async function checkContracts(projectDir: string, model: ContractModel): Promise<ContractFinding[]> {
  const present: ModuleContract[] = [];
  const findings: ContractFinding[] = [];
  for (const module of model.modules) {
    if (await isFile(join(projectDir, module.file))) present.push(module);
    else findings.push(missingModule(module));
  }
  if (present.length === 0) return findings;
  const program = ts.createProgram({ rootNames: present.map((module) => join(projectDir, module.file)), options: programOptions });
  const checker = program.getTypeChecker();
  for (const module of present) {
    const source = program.getSourceFile(join(projectDir, module.file));
    // A CommonJS file has no symbol at its location for the checker; its `symbol` holds the same exports.
    const moduleSymbol = source === undefined ? undefined : (checker.getSymbolAtLocation(source) ?? (source as unknown as { symbol?: ts.Symbol }).symbol);
    const exports = moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol);
    // A file that exports something the checker could not read (`module.exports = { ...require('./a') }`):
    // what it exports cannot be told, so nothing is reported missing (a stub appended there would shadow it).
    if (exports.length === 0 && source !== undefined && exportsSomething.test(source.text)) continue;
    findings.push(...checkModule(checker, module, exports));
  }
  return findings;
}

const exportsSomething = /\bmodule\.exports\b|\bexports\.[\w$]+\s*=|^\s*export\b/m;

/** Enough to read declarations and their types; nothing of the project's own settings can make it fail. */
const programOptions: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  skipLibCheck: true,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
};

function checkModule(checker: ts.TypeChecker, module: ModuleContract, exports: readonly ts.Symbol[]): ContractFinding[] {
  const byName = new Map(exports.map((symbol) => [symbol.name, symbol]));
  // `module.exports = …` in CommonJS is the module's default export, and its properties are the named ones.
  const exportEquals = byName.get('export=');
  if (exportEquals !== undefined) {
    if (!byName.has('default')) byName.set('default', exportEquals);
    for (const property of checker.getPropertiesOfType(checker.getTypeOfSymbol(exportEquals))) {
      if (!byName.has(property.name)) byName.set(property.name, property);
    }
  }
  const expected = new Set(module.exports.map((contract) => contract.name));
  const findings: ContractFinding[] = [];
  for (const contract of module.exports) {
    const symbol = byName.get(contract.name);
    if (symbol === undefined) {
      const others = [...byName.keys()].filter((name) => !expected.has(name) && name !== 'export=');
      findings.push(missingExport(module.file, contract, nearName(contract.name, others)));
      continue;
    }
    const resolved = (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol;
    const type = checker.getTypeOfSymbol(resolved);
    if (contract.kind === 'function') findings.push(...checkFunction(checker, module.file, contract, type));
    if (contract.kind === 'class') findings.push(...checkClass(checker, module.file, contract, type));
  }
  return findings;
}

function checkFunction(checker: ts.TypeChecker, file: string, contract: FunctionContract, type: ts.Type): ContractFinding[] {
  if (isUntyped(type)) return [];
  const signatures = type.getCallSignatures();
  if (signatures.length === 0) {
    const what = type.getConstructSignatures().length > 0 ? 'a class (call it with `new`)' : 'not a function';
    return [notA('not-a-function', file, contract.name, `\`${contract.name}\` in ${file} is ${what}, but the tests call it`, contract.evidence)];
  }
  return checkCall(checker, signatures, contract, { file, symbol: contract.name, evidence: contract.evidence });
}

function checkClass(checker: ts.TypeChecker, file: string, contract: ClassContract, type: ts.Type): ContractFinding[] {
  if (isUntyped(type)) return [];
  const constructors = type.getConstructSignatures();
  const first = constructors[0];
  if (first === undefined) {
    return [
      notA('not-a-class', file, contract.name, `\`${contract.name}\` in ${file} is not a class, but the tests construct it with \`new\``, contract.evidence),
    ];
  }
  const site = { file, symbol: `${contract.name}.constructor`, evidence: contract.evidence };
  const findings = checkCall(checker, constructors, { params: contract.constructorParams, async: false }, site, false);
  const instance = first.getReturnType();
  for (const member of contract.members) {
    const owner = member.static ? type : instance;
    const symbol = `${contract.name}.${member.name}`;
    const property = checker.getPropertyOfType(owner, member.name);
    if (property === undefined) {
      const names = checker.getPropertiesOfType(owner).map((candidate) => candidate.name);
      const used = new Set(contract.members.filter((other) => other.static === member.static).map((other) => other.name));
      const suggestion = nearName(
        member.name,
        names.filter((name) => !used.has(name)),
      );
      const message = `class \`${contract.name}\` in ${file} has no ${member.static ? 'static ' : ''}member \`${member.name}\` (${evidenceText(member.evidence)} uses it)${didYouMean(suggestion)}`;
      findings.push({ kind: 'missing-member', file, symbol, message, evidence: member.evidence, ...(suggestion === undefined ? {} : { suggestion }) });
      continue;
    }
    if (member.kind !== 'method') continue;
    const memberType = checker.getTypeOfSymbol(property);
    if (isUntyped(memberType)) continue;
    const signatures = memberType.getCallSignatures();
    if (signatures.length === 0)
      findings.push(notA('not-a-function', file, symbol, `\`${symbol}\` in ${file} is not a method, but the tests call it`, member.evidence));
    else findings.push(...checkCall(checker, signatures, member, { file, symbol, evidence: member.evidence }));
  }
  return findings;
}

function missingModule(module: ModuleContract): ContractFinding {
  const evidence = module.exports.flatMap((contract) => contract.evidence.slice(0, 1));
  const importer = evidence[0] === undefined ? (module.importedBy[0] ?? 'a test') : evidenceText(evidence);
  return {
    kind: 'missing-module',
    file: module.file,
    message: `${module.file} does not exist (${importer} imports \`${module.specifier}\`)`,
    evidence,
  };
}

function missingExport(file: string, contract: ExportContract, suggestion: string | undefined): ContractFinding {
  const what = contract.name === 'default' ? 'default export' : `export \`${contract.name}\``;
  return {
    kind: 'missing-export',
    file,
    symbol: contract.name,
    message: `${file} has no ${what} (${evidenceText(contract.evidence)} imports it)${didYouMean(suggestion)}`,
    evidence: contract.evidence,
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

function notA(kind: 'not-a-class' | 'not-a-function', file: string, symbol: string, text: string, evidence: ContractFinding['evidence']): ContractFinding {
  return { kind, file, symbol, message: `${text} (${evidenceText(evidence)})`, evidence };
}

function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`;
}

/** A value whose type says nothing (untyped JavaScript): no finding can be sure of it. */
function isUntyped(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}
