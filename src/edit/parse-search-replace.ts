import type { Edit } from '../core/edits.js';
import { proseOutside } from './fences.js';
import { detectLazyElision } from './lazy-elision.js';
import { normalizePath, pathFromLine } from './normalize-path.js';
import type { ReplyParser } from './reply-parser.js';
import { hasSearchMarker, malformed } from './reply-parser.js';

const divider = /^\s*={5,9}\s*$/;
const replaceMarker = /^\s*>{5,9}\s*REPLACE\b/;
const searchMarker = /^\s*<{5,9}\s*SEARCH\b/;
const fenceLine = /^\s*(`{3,}|~{3,})/;

/**
 * Aider-style blocks: a path line, a fence, `<<<<<<< SEARCH`, old lines, `=======`, new lines, `>>>>>>> REPLACE`.
 * The path may also be the fence's first line; a block without one reuses the previous block's path.
 * An empty SEARCH section means "this is the whole new file" and becomes a `rewrite`, so models can create
 * files in the same format.
 */
export const parseSearchReplace: ReplyParser = (reply) => {
  const { lines } = reply;
  if (!hasSearchMarker(lines) && !lines.some((line) => replaceMarker.test(line))) return undefined;
  const edits: Edit[] = [];
  const used: [number, number][] = [];
  let lastPath: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (replaceMarker.test(line)) return malformed(`line ${i + 1}: \`>>>>>>> REPLACE\` without a matching \`<<<<<<< SEARCH\``);
    if (!searchMarker.test(line)) continue;
    const start = i;
    const found = findPath(lines, start);
    const path = found?.path ?? lastPath;
    if (path === undefined) return malformed(`the SEARCH/REPLACE block at line ${start + 1} names no file: put the file path on the line before its fence`);
    const oldLines: string[] = [];
    for (i++; i < lines.length && !divider.test(lines[i] ?? ''); i++) {
      if (searchMarker.test(lines[i] ?? '') || replaceMarker.test(lines[i] ?? '')) return unterminated(start, i, '=======');
      oldLines.push(lines[i] ?? '');
    }
    if (i >= lines.length) return unterminated(start, undefined, '=======');
    const newLines: string[] = [];
    for (i++; i < lines.length && !replaceMarker.test(lines[i] ?? ''); i++) {
      if (searchMarker.test(lines[i] ?? '') || divider.test(lines[i] ?? '')) return unterminated(start, i, '>>>>>>> REPLACE');
      newLines.push(lines[i] ?? '');
    }
    if (i >= lines.length) return unterminated(start, undefined, '>>>>>>> REPLACE');
    const file = normalizePath(path, reply.knownFiles);
    lastPath = path;
    used.push([found?.line ?? start + 1, i + 1]);
    const newText = newLines.length === 0 ? '' : `${newLines.join('\n')}\n`;
    if (oldLines.length === 0) {
      const lazy = detectLazyElision(newText);
      if (lazy !== undefined)
        return malformed(
          `the block at line ${start + 1} rewrites ${file} but elides code (\`${lazy}\`); write the complete file or use SEARCH/REPLACE for the changed lines`,
          'lazy',
        );
      edits.push({ kind: 'rewrite', file, content: newText });
    } else {
      edits.push({ kind: 'update', file, oldText: `${oldLines.join('\n')}\n`, newText });
    }
  }
  const fenceRanges = reply.fences.map((fence) => [fence.openLine, fence.closeLine] as [number, number]);
  return { status: 'parsed', edits, reasoning: proseOutside(lines, [...fenceRanges, ...used]), format: 'search-replace' };
};

/** The path for the SEARCH marker at `index`: the line before it, or the line before its opening fence. */
function findPath(lines: readonly string[], index: number): { path: string; line: number } | undefined {
  let j = previousContent(lines, index);
  if (j === -1) return undefined;
  if (fenceLine.test(lines[j] ?? '')) j = previousContent(lines, j);
  const path = j === -1 ? undefined : pathFromLine(lines[j] ?? '');
  return path === undefined ? undefined : { path, line: j + 1 };
}

function previousContent(lines: readonly string[], index: number): number {
  for (let j = index - 1; j >= 0; j--) if ((lines[j] ?? '').trim() !== '') return j;
  return -1;
}

function unterminated(start: number, at: number | undefined, expected: string): ReturnType<ReplyParser> {
  const where = at === undefined ? 'the end of the reply' : `line ${at + 1}`;
  return malformed(`the SEARCH/REPLACE block starting at line ${start + 1} is not terminated: expected \`${expected}\` before ${where}`);
}
