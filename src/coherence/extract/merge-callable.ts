import type { Evidence, ParameterContract } from '../contract-model.js';
import type { CallReading, ResultHint, ValueUse } from './observations.js';
import { nameForType, typeCategory } from './type-text.js';
import { unionOf } from './union-types.js';

/** Two readings of one result that cannot both hold (`number` in one test, `string` in another). */
export interface ResultDisagreement {
  readonly first: { readonly type: string; readonly evidence: Evidence };
  readonly second: { readonly type: string; readonly evidence: Evidence };
}

/** What the calls of a function or method say of it, merged. */
export interface MergedCallable {
  readonly params: ParameterContract[];
  readonly returns: string;
  readonly async: boolean;
  readonly throws: string[];
  readonly disagreement?: ResultDisagreement;
}

/**
 * Parameters from the calls: as many as the most arguments passed, optional past the fewest; each typed
 * with the union of what was passed there and named after the first identifier passed, else after its type.
 */
export function mergeParameters(calls: readonly { readonly args: CallReading['args'] }[]): ParameterContract[] {
  if (calls.length === 0) return [];
  const most = Math.max(...calls.map((call) => call.args.length));
  const fewest = Math.min(...calls.map((call) => call.args.length));
  const params: ParameterContract[] = [];
  const taken = new Map<string, number>();
  for (let index = 0; index < most; index++) {
    const type = unionOf(calls.flatMap((call) => call.args[index]?.type ?? []));
    const identifier = calls.map((call) => call.args[index]?.name).find((name) => name !== undefined && !params.some((param) => param.name === name));
    const base = identifier ?? nameForType(type);
    const count = (taken.get(base) ?? 0) + 1;
    taken.set(base, count);
    params.push({ name: count === 1 ? base : `${base}${count}`, type, optional: index >= fewest });
  }
  return params;
}

/**
 * The callable a set of uses describes: parameters, result type (`void` when no test uses the result,
 * `Promise<T>` when one awaits it), the errors expected, and the first disagreement between result readings.
 */
export function mergeCallable(calls: readonly CallReading[], extra: readonly ValueUse[] = []): MergedCallable {
  const uses: readonly ValueUse[] = [...calls, ...extra];
  const async = uses.some((use) => use.awaited);
  const used = uses.some((use) => use.used || use.hints.length > 0);
  const resolved = resolveResult(uses.flatMap((use) => use.hints));
  const inner = resolved.type ?? (used ? 'unknown' : 'void');
  const returns = async && !inner.startsWith('Promise<') ? `Promise<${inner}>` : inner;
  const throws = [...new Set(uses.flatMap((use) => use.throws))];
  return { params: mergeParameters(calls), returns, async, throws, ...(resolved.disagreement === undefined ? {} : { disagreement: resolved.disagreement }) };
}

/**
 * One type from the assertions on a value: the first exact reading (a later one of another kind is a
 * disagreement), `| null` / `| undefined` when a test also expects those; without an exact reading, the
 * weaker hints: an object shape, a container (`toContain`), a length (`unknown[]`), truthiness (`boolean`).
 */
export function resolveResult(hints: readonly ResultHint[]): { type: string | undefined; disagreement?: ResultDisagreement } {
  const exact = hints.filter((hint) => hint.kind === 'exact');
  const firstExact = exact.find((hint) => hint.type !== 'unknown[]') ?? exact[0];
  let disagreement: ResultDisagreement | undefined;
  if (firstExact !== undefined) {
    const other = exact.find((hint) => !compatible(firstExact.type, hint.type));
    if (other !== undefined)
      disagreement = { first: { type: firstExact.type, evidence: firstExact.evidence }, second: { type: other.type, evidence: other.evidence } };
  }
  const base = firstExact?.type ?? weakType(hints);
  const nullable = [...new Set(hints.flatMap((hint) => (hint.kind === 'nullable' ? [hint.type] : [])))];
  if (base === undefined) return { type: nullable.length === 0 ? undefined : nullable.join(' | ') };
  const type = nullable.length === 0 ? base : unionOf([base, ...nullable]);
  return disagreement === undefined ? { type } : { type, disagreement };
}

function weakType(hints: readonly ResultHint[]): string | undefined {
  const object = hints.find((hint) => hint.kind === 'object');
  if (object?.kind === 'object') return object.type;
  const contains = hints.find((hint) => hint.kind === 'contains');
  if (contains?.kind === 'contains') {
    if (contains.element === 'string') return 'string';
    if (contains.element === 'unknown') return 'unknown[]';
    return contains.element.includes('|') ? `(${contains.element})[]` : `${contains.element}[]`;
  }
  if (hints.some((hint) => hint.kind === 'length')) return 'unknown[]';
  if (hints.some((hint) => hint.kind === 'boolean')) return 'boolean';
  return undefined;
}

/** Readings of the same kind agree (two object shapes, `number[]` and `unknown[]`); different kinds do not. */
function compatible(a: string, b: string): boolean {
  if (a === b) return true;
  const categoryA = typeCategory(a);
  const categoryB = typeCategory(b);
  if (categoryA === categoryB) return categoryA === 'array' || categoryA === 'object' || categoryA === 'union';
  const shaped = (category: string): boolean => category === 'object' || category.startsWith('named:');
  return categoryA === 'union' || categoryB === 'union' || (shaped(categoryA) && shaped(categoryB));
}
