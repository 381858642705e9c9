import type { Edit, ParseResult } from '../core/edits.js';
import { proseOutside } from './fences.js';
import { detectLazyElision } from './lazy-elision.js';
import { diffHeaderPath, normalizePath, pathFromLine } from './normalize-path.js';
import { parseHunks } from './parse-hunks.js';
import type { Reply, ReplyParser } from './reply-parser.js';
import { isDiffFence, malformed } from './reply-parser.js';

interface DiffBlock {
  readonly lines: readonly string[];
  /** 1-based reply line of the block's first line. */
  readonly firstLine: number;
  readonly closed: boolean;
  readonly before?: string;
}

/**
 * Unified diffs in ```diff (or ```patch) fences, or a reply that is nothing but a diff. A block may hold several
 * files; each becomes one `patch` edit named by its `+++` header. A `--- /dev/null` file becomes a `rewrite`
 * with its added lines.
 */
export const parseUnifiedDiff: ReplyParser = (reply) => {
  const blocks = diffBlocks(reply);
  if (blocks.length === 0) return undefined;
  const edits: Edit[] = [];
  for (const block of blocks) {
    if (!block.closed) return malformed(`the reply ended inside the diff block starting at line ${block.firstLine - 1}; close it with \`\`\``, 'truncated');
    for (const section of splitFiles(block.lines)) {
      const edit = sectionEdit(section, block, reply.knownFiles);
      if (edit === undefined) continue;
      if ('status' in edit) return edit;
      edits.push(edit);
    }
  }
  if (edits.length === 0) return malformed('the diff names no file and has no hunks: start each file with `--- a/path` and `+++ b/path`, then `@@` hunks');
  const ranges = reply.fences.map((fence) => [fence.openLine, fence.closeLine] as const);
  return { status: 'parsed', edits, reasoning: reply.fences.length === 0 ? '' : proseOutside(reply.lines, ranges), format: 'unified-diff' };
};

function diffBlocks(reply: Reply): DiffBlock[] {
  const fenced = reply.fences.filter(isDiffFence).map((fence) => ({
    lines: fence.lines,
    firstLine: fence.openLine + 1,
    closed: fence.closed,
    ...(fence.before === undefined ? {} : { before: fence.before }),
  }));
  if (fenced.length > 0 || reply.fences.length > 0) return fenced;
  const start = reply.lines.findIndex(
    (line, i) => line.startsWith('diff --git ') || (line.startsWith('--- ') && reply.lines[i + 1]?.startsWith('+++ ') === true),
  );
  if (start === -1 || !reply.lines.some((line) => line.startsWith('@@'))) return [];
  return [{ lines: reply.lines.slice(start), firstLine: start + 1, closed: true }];
}

/** Splits a diff into per-file sections at `diff --git` lines and at repeated `---`/`+++` header pairs. */
function splitFiles(lines: readonly string[]): string[][] {
  const sections: string[][] = [[]];
  let sawHeader = false;
  for (const [i, line] of lines.entries()) {
    const gitHeader = line.startsWith('diff --git ');
    const pairHeader = line.startsWith('--- ') && lines[i + 1]?.startsWith('+++ ') === true;
    const current = sections.at(-1) ?? [];
    if (gitHeader || (pairHeader && sawHeader)) {
      sections.push([line]);
      sawHeader = pairHeader;
    } else {
      current.push(line);
      if (pairHeader) sawHeader = true;
    }
  }
  return sections;
}

function sectionEdit(section: readonly string[], block: DiffBlock, knownFiles?: readonly string[]): Edit | ParseResult | undefined {
  const minus = section.find((line) => line.startsWith('--- '));
  const plus = section.find((line) => line.startsWith('+++ '));
  const git = section.find((line) => line.startsWith('diff --git '));
  const hunks = parseHunks(section.join('\n'));
  if (hunks.length === 0 && plus === undefined) return undefined;
  const oldPath = minus === undefined ? undefined : diffHeaderPath(minus.slice(4));
  const newPath = plus === undefined ? /^diff --git \S+ b\/(\S+)/.exec(git ?? '')?.[1] : diffHeaderPath(plus.slice(4));
  const rawPath = newPath ?? (block.before === undefined ? undefined : pathFromLine(block.before));
  if (rawPath === undefined)
    return malformed(`the diff block at line ${block.firstLine - 1} does not name its file: start it with \`--- a/path\` and \`+++ b/path\``);
  if (rawPath === '/dev/null') return malformed(`deleting ${oldPath ?? 'a file'} is not supported; change its content instead`);
  const file = normalizePath(rawPath, knownFiles);
  if (hunks.length === 0) return malformed(`the diff for ${file} has no hunks: add \`@@\` sections with context, - and + lines`);
  if (oldPath === '/dev/null') {
    const content = `${hunks.flatMap((hunk) => hunk.newLines).join('\n')}\n`;
    const lazy = detectLazyElision(content);
    if (lazy !== undefined) return malformed(`the new file ${file} elides code (\`${lazy}\`); write all of it`, 'lazy');
    return { kind: 'rewrite', file, content };
  }
  return { kind: 'patch', file, diff: `${section.join('\n').trimEnd()}\n` };
}
