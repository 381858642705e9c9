import ts from 'typescript';
import type { ContractFinding, Evidence, FunctionContract } from './contract-model.js';
import { evidenceText } from './evidence-text.js';

/** What the tests do with something callable: the arguments they pass and whether they await the result. */
export type CallUse = Pick<FunctionContract, 'params' | 'async'>;

/** Where a callable lives and how a finding names it. */
export interface CallSite {
  readonly file: string;
  /** `add`, `Stack.push`, `Stack.constructor`. */
  readonly symbol: string;
  readonly evidence: readonly Evidence[];
}

/**
 * The arity and async findings for a callable the code has: the tests pass more arguments than any signature
 * accepts, or fewer than each requires; they await it but no signature returns a thenable. `awaitable` is
 * false for constructors, which the tests cannot await.
 */
export function checkCall(checker: ts.TypeChecker, signatures: readonly ts.Signature[], use: CallUse, site: CallSite, awaitable = true): ContractFinding[] {
  if (signatures.length === 0) return [];
  const findings: ContractFinding[] = [];
  const arity = arityFinding(checker, signatures, use, site);
  if (arity !== undefined) findings.push(arity);
  if (awaitable && use.async && !signatures.some((signature) => returnsThenable(checker, signature))) {
    findings.push({
      kind: 'not-async',
      file: site.file,
      symbol: site.symbol,
      message: `\`${site.symbol}\` in ${site.file} does not return a Promise, but the tests await it (${evidenceText(site.evidence)})`,
      evidence: site.evidence,
    });
  }
  return findings;
}

function arityFinding(checker: ts.TypeChecker, signatures: readonly ts.Signature[], use: CallUse, site: CallSite): ContractFinding | undefined {
  const most = use.params.length;
  const least = use.params.filter((param) => !param.optional).length;
  const ranges = signatures.map((signature) => argumentRange(checker, signature));
  if (ranges.some((range) => most <= range.max && least >= range.min)) return undefined;
  const widest = Math.max(...ranges.map((range) => range.max));
  const fewest = Math.min(...ranges.map((range) => range.min));
  const where = `${site.file} (${evidenceText(site.evidence)})`;
  const message =
    most > widest
      ? `\`${site.symbol}\` takes at most ${plural(widest, 'argument')}, but the tests pass ${most}: ${where}`
      : `\`${site.symbol}\` requires ${plural(fewest, 'argument')}, but the tests pass ${least}: ${where}`;
  return { kind: 'arity', file: site.file, symbol: site.symbol, message, evidence: site.evidence };
}

/** The fewest and most arguments a signature accepts (a rest parameter accepts any number). */
function argumentRange(checker: ts.TypeChecker, signature: ts.Signature): { min: number; max: number } {
  const params = signature.getDeclaration()?.parameters ?? [];
  const isRest = (param: ts.ParameterDeclaration): boolean => param.dotDotDotToken !== undefined;
  // A declaration's `this` parameter is a type annotation, not an argument.
  const real = params.filter((param) => !(ts.isIdentifier(param.name) && param.name.text === 'this'));
  const min = real.filter((param) => !isRest(param) && !checker.isOptionalParameter(param)).length;
  return { min, max: real.some(isRest) ? Number.POSITIVE_INFINITY : real.length };
}

/** Whether a signature's result can be awaited meaningfully: a thenable, or a type that says nothing (`any`). */
function returnsThenable(checker: ts.TypeChecker, signature: ts.Signature): boolean {
  const result = signature.getReturnType();
  if ((result.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0) return true;
  const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
  if (declaration !== undefined && ts.getCombinedModifierFlags(declaration as ts.Declaration) & ts.ModifierFlags.Async) return true;
  return checker.getPropertyOfType(checker.getApparentType(result), 'then') !== undefined;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
