import { isDeepStrictEqual } from 'node:util';

/** The value types the grammar distinguishes. */
export type ValueType = 'number' | 'string' | 'boolean' | 'array' | 'object' | 'other';

export function valueType(value: unknown): ValueType {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'array';
  return value !== null && typeof value === 'object' ? 'object' : 'other';
}

/** One type for a vector of values (one per example), 'other' when they disagree. */
export function vectorType(values: readonly unknown[]): ValueType {
  const first = values[0];
  const type = valueType(first);
  return values.every((v) => valueType(v) === type) ? type : 'other';
}

/** A key equal for observationally equivalent value vectors (same outputs on every example). */
export function vectorKey(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'number' ? (Object.is(v, -0) ? '-0' : String(v)) : typeof v === 'undefined' ? 'u' : JSON.stringify(v))).join('\u0001');
}

/** Whether an actual result satisfies an example's expected value under its matcher. */
export function matches(actual: unknown, expected: unknown, equality: 'same' | 'deep'): boolean {
  return equality === 'same' ? Object.is(actual, expected) : isDeepStrictEqual(actual, expected);
}

/** Values too big to be worth keeping (a `repeat` blown up): they would only slow the search. */
export function isReasonable(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string' || Array.isArray(value)) return value.length <= 256;
  return true;
}
