import type { TextChange } from '../types.js';

/** `text` with `changes` (non-overlapping, offsets into `text`) applied. */
export function applyChanges(text: string, changes: readonly Pick<TextChange, 'start' | 'end' | 'text'>[]): string {
  const sorted = [...changes].sort((a, b) => b.start - a.start);
  let result = text;
  for (const change of sorted) result = result.slice(0, change.start) + change.text + result.slice(change.end);
  return result;
}

/**
 * The smallest edit that turns `before` into `after` (common prefix and suffix removed): two changes with
 * the same result have the same key, whatever node each one replaced.
 */
export function canonicalEdit(before: string, after: string): { start: number; end: number; text: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < max - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, end: before.length - suffix, text: after.slice(start, after.length - suffix) };
}

/** Whether two changes to the same file overlap or touch (both could not be switched independently). */
export function overlaps(a: Pick<TextChange, 'file' | 'start' | 'end'>, b: Pick<TextChange, 'file' | 'start' | 'end'>): boolean {
  return a.file === b.file && a.start <= b.end && b.start <= a.end;
}
