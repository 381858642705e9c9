import type { ApplyResult } from '../core/edits.js';
import type { BlockMatch } from './find-block.js';
import { describeMatch, findBlock, noShift, shiftLine } from './find-block.js';
import type { Hunk } from './parse-hunks.js';
import { parseHunks } from './parse-hunks.js';
import { closestLinesHint, firstContentLine, nearestLines } from './nearest-lines.js';
import { fromLines, toLines } from './text-lines.js';

/**
 * Applies a one-file unified diff to LF `text`, hunk by hunk in order. Each hunk is located by its context and
 * removed lines, not by its (often wrong) line numbers: first after the previous hunk, then anywhere. When it
 * matches several places, the one at the line the header claims wins; otherwise the hunk is ambiguous.
 */
export function applyPatch(text: string, diff: string, file: string): ApplyResult {
  const hunks = parseHunks(diff);
  if (hunks.length === 0) return { status: 'refused', reason: `the patch for ${file} has no hunks (@@ sections with - and + lines)` };
  const buffer = toLines(text);
  let lines = [...buffer.lines];
  let offset = 0;
  let searchFrom = 0;
  const notes: string[] = [];
  for (const [index, hunk] of hunks.entries()) {
    const name = `hunk ${index + 1} (${hunk.header || 'without @@ header'})`;
    const located = locate(lines, hunk, offset, searchFrom);
    if (located.status === 'none') {
      const nearest = nearestLines(lines, firstContentLine(hunk.oldLines.join('\n')));
      const why = hunk.oldLines.length === 0 ? 'it has no context lines and no line number to insert at' : 'its context lines were not found';
      return { status: 'no-match', reason: `${name} does not apply to ${file}: ${why}${closestLinesHint(lines, nearest)}`, nearestLines: nearest };
    }
    if (located.status === 'many') {
      const at = located.starts.map((start) => start + 1);
      return {
        status: 'ambiguous',
        reason: `${name} matches ${at.length} places in ${file} (lines ${at.join(', ')}); add context lines so it matches once`,
        lines: at,
      };
    }
    const { match } = located;
    const replacement = hunk.newLines.map((line) => shiftLine(line, match.shift) ?? line);
    lines = [...lines.slice(0, match.start), ...replacement, ...lines.slice(match.start + hunk.oldLines.length)];
    offset += replacement.length - hunk.oldLines.length;
    searchFrom = match.start + replacement.length;
    const note = describeMatch(match);
    if (note) notes.push(`${name} ${note}`);
  }
  const trailingNewline = buffer.lines.length === 0 ? true : buffer.trailingNewline;
  const result = fromLines({ lines, trailingNewline });
  return notes.length === 0 ? { status: 'applied', text: result } : { status: 'applied', text: result, note: notes.join('; ') };
}

type Located = { status: 'one'; match: BlockMatch } | { status: 'many'; starts: number[] } | { status: 'none' };

function locate(lines: readonly string[], hunk: Hunk, offset: number, searchFrom: number): Located {
  const claimed = hunk.oldStart === undefined ? undefined : hunk.oldStart - 1 + offset + (hunk.insertAfter ? 1 : 0);
  if (hunk.oldLines.length === 0) {
    if (lines.length === 0) return { status: 'one', match: { start: 0, shift: noShift, exact: true } };
    if (claimed === undefined) return { status: 'none' };
    return { status: 'one', match: { start: Math.max(0, Math.min(claimed, lines.length)), shift: noShift, exact: true } };
  }
  let matches = findBlock(lines, hunk.oldLines, { from: searchFrom, allowIndentShift: true });
  if (matches.length === 0) matches = findBlock(lines, hunk.oldLines, { allowIndentShift: true });
  const [first] = matches;
  if (!first) return { status: 'none' };
  if (matches.length === 1) return { status: 'one', match: first };
  const atClaim = matches.find((match) => match.start === claimed);
  return atClaim ? { status: 'one', match: atClaim } : { status: 'many', starts: matches.map((match) => match.start) };
}
