import { toLines } from './text-lines.js';

/** One hunk of a unified diff, read tolerantly. */
export interface Hunk {
  /** The `@@ … @@` line as written, or '' when the model left it out. */
  readonly header: string;
  /** The 1-based old start line the header claims, if it has one. */
  readonly oldStart?: number;
  /** Whether the header claims zero old lines (then `oldStart` is the line to insert after). */
  readonly insertAfter: boolean;
  /** Context and removed lines, in order: what must be found in the file. */
  readonly oldLines: readonly string[];
  /** Context and added lines, in order: what replaces them. */
  readonly newLines: readonly string[];
}

const headerPrefixes = ['--- ', '+++ ', 'diff ', 'index ', 'new file mode', 'deleted file mode', 'old mode', 'new mode', 'similarity ', 'rename ', 'Binary '];
const hunkHeader = /^@@+ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/;

/**
 * The hunks of a one-file unified diff. Unlike `parsePatch` from `diff`, this ignores the `@@` line counts
 * (models get them wrong), accepts `@@ ... @@` headers without numbers, a body without any `@@` header,
 * blank lines standing for blank context, and context lines missing their leading space.
 */
export function parseHunks(diff: string): Hunk[] {
  const lines = toLines(diff.replace(/\r\n?/g, '\n')).lines;
  const hunks: Hunk[] = [];
  let current: { header: string; oldStart?: number; insertAfter: boolean; oldLines: string[]; newLines: string[] } | undefined;
  const finish = (): void => {
    if (!current) return;
    // A trailing blank line is usually the reply's spacing, not a blank context line.
    while (current.oldLines.at(-1) === '' && current.newLines.at(-1) === '') {
      current.oldLines.pop();
      current.newLines.pop();
    }
    hunks.push(current);
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('@@')) {
      finish();
      const numbers = hunkHeader.exec(line);
      current = { header: line.trim(), insertAfter: numbers?.[2] === '0', oldLines: [], newLines: [] };
      if (numbers?.[1] !== undefined) current.oldStart = Number(numbers[1]);
      continue;
    }
    if (isFileHeader(line, lines[i + 1])) {
      finish();
      i += line.startsWith('--- ') ? 1 : 0;
      continue;
    }
    if (!current) {
      if (headerPrefixes.some((prefix) => line.startsWith(prefix)) || line.trim() === '') continue;
      current = { header: '', insertAfter: false, oldLines: [], newLines: [] };
    }
    if (line.startsWith('\\')) continue;
    if (line.startsWith('-')) current.oldLines.push(line.slice(1));
    else if (line.startsWith('+')) current.newLines.push(line.slice(1));
    else {
      const context = line.startsWith(' ') ? line.slice(1) : line;
      current.oldLines.push(context);
      current.newLines.push(context);
    }
  }
  finish();
  return hunks.filter((hunk) => hunk.oldLines.length > 0 || hunk.newLines.length > 0);
}

function isFileHeader(line: string, next: string | undefined): boolean {
  return (line.startsWith('--- ') && next?.startsWith('+++ ') === true) || line.startsWith('diff --git ');
}
