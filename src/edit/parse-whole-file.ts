import type { Edit } from '../core/edits.js';
import type { Fence } from './fences.js';
import { proseOutside } from './fences.js';
import { detectLazyElision } from './lazy-elision.js';
import { looksLikePath, normalizePath, pathFromLine } from './normalize-path.js';
import type { ReplyParser } from './reply-parser.js';
import { hasSearchMarker, isDiffFence, isYamlPayloadFence, malformed } from './reply-parser.js';

/**
 * Whole files: a fenced block preceded by a line naming its path (`src/x.ts`, `**src/x.ts**`, `File: src/x.ts`),
 * or whose first line names it (`// src/x.ts`, which is then dropped). Fences without a path are prose examples
 * and are skipped. Content that elides code (`// ... rest unchanged`) is refused: it would delete that code.
 */
export const parseWholeFile: ReplyParser = (reply) => {
  const edits: Edit[] = [];
  for (const fence of reply.fences) {
    if (hasSearchMarker(fence.lines) || isDiffFence(fence) || isYamlPayloadFence(fence)) continue;
    const named = nameOf(fence);
    if (named === undefined) continue;
    const file = normalizePath(named.path, reply.knownFiles);
    if (!fence.closed)
      return malformed(`the reply ended inside the block for ${file} (line ${fence.openLine}); send the complete file and close the fence`, 'truncated');
    const body = named.fromFirstLine ? fence.lines.slice(1) : fence.lines;
    const content = body.length === 0 ? '' : `${body.join('\n')}\n`;
    const lazy = detectLazyElision(content);
    if (lazy !== undefined) return malformed(`the new content of ${file} elides code (\`${lazy}\`); send the complete file, every line of it`, 'lazy');
    edits.push({ kind: 'rewrite', file, content });
  }
  if (edits.length === 0) return undefined;
  const ranges = reply.fences.map((fence) => [fence.openLine, fence.closeLine] as const);
  return { status: 'parsed', edits, reasoning: proseOutside(reply.lines, ranges), format: 'whole-file' };
};

function nameOf(fence: Fence): { path: string; fromFirstLine: boolean } | undefined {
  const before = fence.before === undefined ? undefined : pathFromLine(fence.before);
  if (before !== undefined) return { path: before, fromFirstLine: false };
  const first = fence.lines[0]?.trim() ?? '';
  // A bare first line like `foo.bar` could be code; only a path comment or a path with a slash counts.
  const isComment = /^(?:\/\/|#|--|<!--|\/\*)/.test(first);
  const path = pathFromLine(first);
  if (path === undefined || (!isComment && !(path.includes('/') && looksLikePath(first)))) return undefined;
  return { path, fromFirstLine: true };
}
