import { isBlank } from './text-lines.js';

// Long lines are cut so one minified line cannot make the quadratic distance slow.
const maxCompared = 200;

/** Levenshtein similarity in [0, 1] of two strings after trimming; 1 means equal. */
export function similarity(a: string, b: string): number {
  const x = a.trim().slice(0, maxCompared);
  const y = b.trim().slice(0, maxCompared);
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return 1 - (previous[y.length] ?? longest) / longest;
}

/** The 1-based numbers of the file lines most similar to `needle` (best first, ties by position). */
export function nearestLines(lines: readonly string[], needle: string, count = 3): number[] {
  if (isBlank(needle)) return [];
  return lines
    .map((line, index) => ({ line: index + 1, score: isBlank(line) ? 0 : similarity(line, needle) }))
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score || a.line - b.line)
    .slice(0, count)
    .map((candidate) => candidate.line);
}

/** `12: \`  return a - b;\`` for each numbered line, for reasons a model reads. */
export function quoteLines(lines: readonly string[], numbers: readonly number[]): string {
  return numbers.map((n) => `${n}: \`${(lines[n - 1] ?? '').slice(0, maxCompared)}\``).join(', ');
}

/** The reason suffix naming the closest lines, or '' when there are none. */
export function closestLinesHint(lines: readonly string[], numbers: readonly number[]): string {
  return numbers.length === 0 ? '' : `; closest lines: ${quoteLines(lines, numbers)}`;
}

/** The first non-blank line of a text, which is what a reader compares against the file. */
export function firstContentLine(text: string): string {
  return text.split('\n').find((line) => !isBlank(line)) ?? '';
}
