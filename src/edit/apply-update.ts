import type { ApplyResult } from '../core/edits.js';
import { describeMatch, findBlock, shiftLine } from './find-block.js';
import { closestLinesHint, firstContentLine, nearestLines } from './nearest-lines.js';
import { fromLines, lineAt, toLines } from './text-lines.js';

/**
 * Replaces the unique occurrence of `oldText` in LF `text` with `newText`. Falls back to matching whole lines
 * with one consistent indentation offset (and trailing whitespace ignored), re-indenting `newText` to fit.
 */
export function applyUpdate(text: string, oldText: string, newText: string, file: string): ApplyResult {
  if (oldText === '') {
    if (text.trim() === '') return { status: 'applied', text: newText, note: 'created the file from an empty SEARCH text' };
    return { status: 'refused', reason: `empty SEARCH text for ${file}, which is not empty; quote the lines to replace, or rewrite the whole file` };
  }
  const exact = occurrences(text, oldText);
  if (exact.length === 1 && exact[0] !== undefined) {
    const at = exact[0];
    return { status: 'applied', text: text.slice(0, at) + newText + text.slice(at + oldText.length) };
  }
  if (exact.length > 1)
    return ambiguous(
      file,
      exact.map((offset) => lineAt(text, offset)),
    );

  const buffer = toLines(text);
  const block = toLines(oldText).lines;
  const matches = findBlock(buffer.lines, block, { allowIndentShift: true });
  const [match] = matches;
  if (matches.length > 1)
    return ambiguous(
      file,
      matches.map((m) => m.start + 1),
    );
  if (!match) {
    const nearest = nearestLines(buffer.lines, firstContentLine(oldText));
    return { status: 'no-match', reason: `SEARCH text not found in ${file}${closestLinesHint(buffer.lines, nearest)}`, nearestLines: nearest };
  }
  const replacement = toLines(newText).lines.map((line) => shiftLine(line, match.shift) ?? line);
  const lines = [...buffer.lines.slice(0, match.start), ...replacement, ...buffer.lines.slice(match.start + block.length)];
  const note = describeMatch(match);
  const result = fromLines({ lines, trailingNewline: buffer.trailingNewline });
  return note === undefined ? { status: 'applied', text: result } : { status: 'applied', text: result, note };
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function ambiguous(file: string, lines: readonly number[]): ApplyResult {
  return {
    status: 'ambiguous',
    reason: `SEARCH text occurs ${lines.length} times in ${file} (lines ${lines.join(', ')}); include more surrounding lines so it matches once`,
    lines,
  };
}
