import type { Fence } from './fences.js';
import type { ParseResult, ReplyFormat, ReplyProblem } from '../core/edits.js';

/** Options for reading a model reply. */
export interface ParseReplyOptions {
  /** Project-relative files the model may name; used to resolve a path given as a unique suffix (`math.ts`). */
  readonly knownFiles?: readonly string[];
  /** The format the prompt asked for: tried first, and described when the reply holds no edit. */
  readonly expectedFormat?: ReplyFormat;
}

/** A reply split once, shared by the per-format parsers. */
export interface Reply {
  /** The reply with LF line endings. */
  readonly text: string;
  readonly lines: readonly string[];
  readonly fences: readonly Fence[];
  readonly knownFiles?: readonly string[];
}

/** Reads one format from a reply: undefined when the reply does not use it, else parsed or malformed. */
export type ReplyParser = (reply: Reply) => ParseResult | undefined;

/** A malformed result. */
export function malformed(reason: string, problem: ReplyProblem = 'invalid'): ParseResult {
  return { status: 'malformed', reason, problem };
}

const searchMarker = /^\s*<{5,9}\s*SEARCH\b/;
const unifiedDiffHunk = /^@@.*@@/;

/** Whether fenced lines hold search/replace markers. */
export function hasSearchMarker(lines: readonly string[]): boolean {
  return lines.some((line) => searchMarker.test(line));
}

/** Whether a fence holds a unified diff: tagged `diff`/`patch`, or file headers and `@@` hunks. */
export function isDiffFence(fence: Fence): boolean {
  if (hasSearchMarker(fence.lines)) return false;
  if (fence.lang === 'diff' || fence.lang === 'patch') return true;
  const hasHunk = fence.lines.some((line) => unifiedDiffHunk.test(line));
  const hasHeader = fence.lines.some((line, i) => line.startsWith('--- ') && fence.lines[i + 1]?.startsWith('+++ ') === true);
  return hasHunk && hasHeader;
}

/** Whether a fence holds the YAML payload (`file_to_patch: …`). */
export function isYamlPayloadFence(fence: Fence): boolean {
  return ['yaml', 'yml', ''].includes(fence.lang) && fence.lines.some((line) => /^file_to_patch\s*:/.test(line));
}
