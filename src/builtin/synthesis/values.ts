import { isDeepStrictEqual } from 'node:util';

/** The value types the grammar distinguishes. */
export type ValueType = 'number' | 'string' | 'boolean' | 'array' | 'object' | 'other';

/**
 * The value of a recursive call whose arguments no example gives: unknown until the whole function exists.
 * It propagates through every operator; only a conditional's untaken branch can drop it.
 */
export const unknownValue: unique symbol = Symbol.for('redgreen.synthesis.unknown');

/** What a throwing operator yields: programs holding it are dropped. */
export const errorValue: unique symbol = Symbol.for('redgreen.synthesis.error');

export function valueType(value: unknown): ValueType {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'array';
  return value !== null && typeof value === 'object' ? 'object' : 'other';
}

/** One type for a vector of values (one per example), 'other' when they disagree; unknown values take any type. */
export function vectorType(values: readonly unknown[]): ValueType {
  const known = values.filter((v) => v !== unknownValue);
  const type = known.length === 0 ? 'other' : valueType(known[0]);
  return known.every((v) => valueType(v) === type) ? type : 'other';
}

/** The value type a type annotation names (`number`, `string[]`, `Array<T>`…), if it names one of ours. */
export function annotationType(text: string | undefined): ValueType | undefined {
  const type = text?.trim();
  if (type === undefined) return undefined;
  if (type === 'number' || type === 'string' || type === 'boolean') return type;
  if (/\[\]$/.test(type) || /^(Readonly|ReadonlyArray|Array)<.*>$/.test(type) || /^readonly .*\[\]$/.test(type)) return 'array';
  return undefined;
}

/** A key equal for observationally equivalent value vectors (same outputs on every example). */
export function vectorKey(values: readonly unknown[]): string {
  return values
    .map((v) => (typeof v === 'number' ? (Object.is(v, -0) ? '-0' : String(v)) : typeof v === 'undefined' ? 'u' : v === unknownValue ? '?' : JSON.stringify(v)))
    .join('\u0001');
}

/** Whether an actual result satisfies an example's expected value under its matcher. */
export function matches(actual: unknown, expected: unknown, equality: 'same' | 'deep'): boolean {
  return equality === 'same' ? Object.is(actual, expected) : isDeepStrictEqual(actual, expected);
}

/** Values too big to be worth keeping (a `repeat` blown up), and failed evaluations: they would only slow the search. */
export function isReasonable(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string' || Array.isArray(value)) return value.length <= 256;
  return value !== errorValue;
}
