import { indentOf, isBlank } from './text-lines.js';

/** How a block's indentation maps onto the file's: every non-blank line gains `add` or loses `remove` (one is ''). */
export interface IndentShift {
  readonly add: string;
  readonly remove: string;
}

export const noShift: IndentShift = { add: '', remove: '' };

/** Where a block of lines occurs in a file. */
export interface BlockMatch {
  /** 0-based index of the first matching file line. */
  readonly start: number;
  readonly shift: IndentShift;
  /** Every line matched character for character (no indentation shift, no trailing-whitespace difference). */
  readonly exact: boolean;
}

export interface FindBlockOptions {
  /** 0-based file line to start searching at. */
  readonly from?: number;
  /** Accept a consistent indentation offset between block and file. */
  readonly allowIndentShift?: boolean;
}

/**
 * Every place where `block` occurs as a run of whole lines in `lines`, tolerating trailing-whitespace
 * differences on each line and, when allowed, one leading-whitespace offset shared by all non-blank lines.
 */
export function findBlock(lines: readonly string[], block: readonly string[], options: FindBlockOptions = {}): BlockMatch[] {
  const matches: BlockMatch[] = [];
  if (block.length === 0) return matches;
  for (let start = options.from ?? 0; start + block.length <= lines.length; start++) {
    const match = matchAt(lines, block, start, options.allowIndentShift ?? false);
    if (match) matches.push(match);
  }
  return matches;
}

function matchAt(lines: readonly string[], block: readonly string[], start: number, allowIndentShift: boolean): BlockMatch | undefined {
  const anchor = block.findIndex((line) => !isBlank(line));
  const shift = anchor === -1 ? noShift : shiftBetween(block[anchor] ?? '', lines[start + anchor] ?? '');
  if (!shift || (!allowIndentShift && shift !== noShift)) return undefined;
  let exact = true;
  for (let j = 0; j < block.length; j++) {
    const want = block[j] ?? '';
    const have = lines[start + j] ?? '';
    if (isBlank(want)) {
      if (!isBlank(have)) return undefined;
    } else {
      const shifted = shiftLine(want, shift, true);
      if (shifted === undefined || shifted.trimEnd() !== have.trimEnd()) return undefined;
    }
    if (want !== have) exact = false;
  }
  return { start, shift, exact };
}

function shiftBetween(blockLine: string, fileLine: string): IndentShift | undefined {
  if (isBlank(fileLine)) return undefined;
  const want = indentOf(blockLine);
  const have = indentOf(fileLine);
  if (have === want) return noShift;
  if (have.startsWith(want)) return { add: have.slice(want.length), remove: '' };
  if (want.startsWith(have)) return { add: '', remove: want.slice(have.length) };
  return undefined;
}

/**
 * Re-indents one line by `shift`. Strict mode returns undefined when the line lacks the indentation to remove;
 * lenient mode (for replacement text) removes what indentation there is.
 */
export function shiftLine(line: string, shift: IndentShift, strict = false): string | undefined {
  if (isBlank(line)) return line;
  if (shift.add !== '') return shift.add + line;
  if (shift.remove === '') return line;
  if (line.startsWith(shift.remove)) return line.slice(shift.remove.length);
  if (strict) return undefined;
  return line.slice(Math.min(indentOf(line).length, shift.remove.length));
}

/** A phrase for notes: "+4 spaces", "-1 tab", or undefined when the indentation did not change. */
export function describeShift(shift: IndentShift): string | undefined {
  const delta = shift.add || shift.remove;
  if (delta === '') return undefined;
  const sign = shift.add ? '+' : '-';
  if (/^ +$/.test(delta)) return `${sign}${delta.length} space${delta.length === 1 ? '' : 's'}`;
  if (/^\t+$/.test(delta)) return `${sign}${delta.length} tab${delta.length === 1 ? '' : 's'}`;
  return `${sign}${JSON.stringify(delta)}`;
}

/** The note for a match that was not exact, or undefined for an exact one. */
export function describeMatch(match: BlockMatch): string | undefined {
  if (match.exact) return undefined;
  const shift = describeShift(match.shift);
  return shift ? `matched ignoring indentation (replacement re-indented by ${shift})` : 'matched ignoring trailing whitespace';
}
