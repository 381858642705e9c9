import type { ClassContract, ContractConflict, Evidence, ExportContract, MethodContract, PropertyContract, ResultInterface } from '../contract-model.js';
import type { Generics } from './generics.js';
import { genericsOf } from './generics.js';
import type { ResultDisagreement } from './merge-callable.js';
import { mergeCallable, mergeParameters, resolveResult } from './merge-callable.js';
import type { CallReading, ExportReading, Use } from './observations.js';

type MemberUse = Extract<Use, { kind: 'method' | 'property' }>;

/**
 * The contract of one export from all its uses: a class when a test constructs it, names it in `toThrow` /
 * `toBeInstanceOf`, or reaches static members of a capitalized name; a function when a test calls it; else
 * a value. Disagreements become conflicts (the first reading is kept).
 */
export function mergeExport(reading: ExportReading, file: string, conflicts: ContractConflict[]): ExportContract {
  const { uses } = reading;
  const evidence = uniqueEvidence([reading.evidence, ...uses.map((use) => use.evidence)]);
  const named = reading.localName === undefined ? {} : { localName: reading.localName };
  const report = (message: string, places: readonly Evidence[]): void => {
    conflicts.push({ file, symbol: reading.name, message, evidence: places });
  };
  const firstNew = uses.find((use) => use.kind === 'new');
  const firstCall = uses.find((use) => use.kind === 'call');
  if (firstNew !== undefined && firstCall !== undefined) {
    const [first, second] = uses.indexOf(firstNew) < uses.indexOf(firstCall) ? [firstNew, firstCall] : [firstCall, firstNew];
    report(`\`${reading.name}\` is ${describe(first.kind)} at ${where(first.evidence)} and ${describe(second.kind)} at ${where(second.evidence)}`, [
      first.evidence,
      second.evidence,
    ]);
  }
  const membersOnly = uses.length > 0 && uses.every((use) => use.kind === 'method' || use.kind === 'property');
  const classLike =
    (firstNew !== undefined && (firstCall === undefined || uses.indexOf(firstNew) < uses.indexOf(firstCall))) ||
    (firstCall === undefined && uses.some((use) => use.kind === 'class-reference')) ||
    (membersOnly && /^[A-Z]/.test(reading.localName ?? reading.name));
  if (classLike) return mergeClass(reading, evidence, report);
  if (firstCall !== undefined || uses.some((use) => use.kind === 'throws')) {
    const calls = uses.filter((use): use is Extract<Use, { kind: 'call' }> => use.kind === 'call');
    const throwing = uses.filter((use): use is Extract<Use, { kind: 'throws' }> => use.kind === 'throws');
    const callable = mergeCallable(calls, throwing);
    if (callable.disagreement !== undefined) report(disagreementMessage(reading.name, callable.disagreement), evidenceOf(callable.disagreement));
    const result = resultInterface(reading, callable, report);
    const generics = genericsOf(calls.map((call) => call.typeArgs));
    const typed = generics === undefined ? (type: string) => type : generics.substitute;
    return {
      kind: 'function',
      name: reading.name,
      ...named,
      params: callable.params.map((param) => ({ ...param, type: typed(param.type) })),
      returns: result === undefined ? typed(callable.returns) : callable.async ? `Promise<${result.name}>` : result.name,
      async: callable.async,
      throws: callable.throws,
      ...(result === undefined ? {} : { result }),
      ...(generics === undefined ? {} : { typeParams: generics.params }),
      evidence,
    };
  }
  if (membersOnly) return { kind: 'value', name: reading.name, ...named, type: objectType(members(uses, report)), evidence };
  const values = uses.filter((use): use is Extract<Use, { kind: 'value' }> => use.kind === 'value');
  const resolved = resolveResult(values.flatMap((use) => use.hints));
  if (resolved.disagreement !== undefined) report(disagreementMessage(reading.name, resolved.disagreement), evidenceOf(resolved.disagreement));
  return { kind: 'value', name: reading.name, ...named, type: resolved.type ?? 'unknown', evidence };
}

/** The interface of what a function returns, from the members the tests use on it; none when its result type is known otherwise. */
function resultInterface(
  reading: ExportReading,
  callable: ReturnType<typeof mergeCallable>,
  report: (message: string, places: readonly Evidence[]) => void,
): ResultInterface | undefined {
  if (reading.resultUses.length === 0 || (callable.returns !== 'unknown' && callable.returns !== 'Promise<unknown>')) return undefined;
  const subject = (reading.localName ?? reading.name).replace(/^(create|make|build|new)(?=[A-Z])/, '');
  const name = `${subject.charAt(0).toUpperCase()}${subject.slice(1)}${subject === reading.name ? 'Result' : ''}`;
  return { name, members: members(reading.resultUses, report) };
}

function mergeClass(reading: ExportReading, evidence: readonly Evidence[], report: (message: string, places: readonly Evidence[]) => void): ClassContract {
  const constructions = reading.uses.filter((use): use is Extract<Use, { kind: 'new' }> => use.kind === 'new');
  const extendsError = reading.uses.some((use) => use.kind === 'class-reference' && use.error);
  const generics = genericsOf(constructions.map((construction) => construction.typeArgs));
  const found = members(reading.uses, (message, places) => report(message, places));
  return {
    kind: 'class',
    name: reading.name,
    ...(reading.localName === undefined ? {} : { localName: reading.localName }),
    constructorParams: mergeParameters(constructions),
    members: generics === undefined ? found : found.map((member) => genericMember(member, generics)),
    extendsError,
    ...(generics === undefined ? {} : { typeParams: generics.params }),
    evidence,
  };
}

/** An instance member's types written with the class's type parameters (static members cannot name them). */
function genericMember(member: MethodContract | PropertyContract, generics: Generics): MethodContract | PropertyContract {
  if (member.static) return member;
  if (member.kind === 'property') return { ...member, type: generics.substitute(member.type) };
  return {
    ...member,
    params: member.params.map((param) => ({ ...param, type: generics.substitute(param.type) })),
    returns: generics.substitute(member.returns),
  };
}

/** The members the uses reach, in first-use order: a method when any test calls it, else a property. */
function members(uses: readonly Use[], report: (message: string, places: readonly Evidence[]) => void): (MethodContract | PropertyContract)[] {
  const groups = new Map<string, MemberUse[]>();
  for (const use of uses) {
    if (use.kind !== 'method' && use.kind !== 'property') continue;
    const key = `${use.static ? 'static ' : ''}${use.member}`;
    groups.set(key, [...(groups.get(key) ?? []), use]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const evidence = uniqueEvidence(group.map((use) => use.evidence));
    const calls = group.filter((use): use is Extract<Use, { kind: 'method' }> => use.kind === 'method');
    const label = `${first.member}`;
    if (calls.length > 0) {
      const callable = mergeCallable(calls as readonly CallReading[]);
      if (callable.disagreement !== undefined) report(disagreementMessage(label, callable.disagreement), evidenceOf(callable.disagreement));
      return { kind: 'method', name: first.member, static: first.static, ...pick(callable), evidence } satisfies MethodContract;
    }
    const reads = group.filter((use): use is Extract<Use, { kind: 'property' }> => use.kind === 'property');
    const hints = reads.flatMap((use) => [
      ...use.hints,
      ...use.writtenTypes.filter((type) => type !== 'unknown').map((type) => ({ kind: 'exact' as const, type, evidence: use.evidence })),
    ]);
    const resolved = resolveResult(hints);
    if (resolved.disagreement !== undefined) report(disagreementMessage(label, resolved.disagreement), evidenceOf(resolved.disagreement));
    return {
      kind: 'property',
      name: first.member,
      type: resolved.type ?? 'unknown',
      static: first.static,
      written: reads.some((use) => use.written),
      evidence,
    } satisfies PropertyContract;
  });
}

function pick(callable: ReturnType<typeof mergeCallable>): Pick<MethodContract, 'params' | 'returns' | 'async' | 'throws'> {
  return { params: callable.params, returns: callable.returns, async: callable.async, throws: callable.throws };
}

/** `{ add(a: number, b: number): number; pi: number }` for a namespace-like object export. */
function objectType(entries: readonly (MethodContract | PropertyContract)[]): string {
  if (entries.length === 0) return 'unknown';
  const parts = entries.map((entry) =>
    entry.kind === 'method'
      ? `${entry.name}(${entry.params.map((param) => `${param.name}${param.optional ? '?' : ''}: ${param.type}`).join(', ')}): ${entry.returns}`
      : `${entry.name}: ${entry.type}`,
  );
  return `{ ${parts.join('; ')} }`;
}

function describe(kind: Use['kind']): string {
  return kind === 'new' ? 'constructed with `new`' : 'called as a function';
}

function where(evidence: Evidence): string {
  return `${evidence.file}:${evidence.line}`;
}

function disagreementMessage(name: string, disagreement: ResultDisagreement): string {
  const { first, second } = disagreement;
  return `\`${name}\` is expected to give ${first.type} at ${where(first.evidence)} and ${second.type} at ${where(second.evidence)}`;
}

function evidenceOf(disagreement: ResultDisagreement): Evidence[] {
  return [disagreement.first.evidence, disagreement.second.evidence];
}

function uniqueEvidence(list: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((evidence) => {
    const key = where(evidence);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
