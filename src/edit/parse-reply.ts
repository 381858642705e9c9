import type { ParseResult, ReplyFormat } from '../core/edits.js';
import { findFences } from './fences.js';
import { parseSearchReplace } from './parse-search-replace.js';
import { parseUnifiedDiff } from './parse-unified-diff.js';
import { parseWholeFile } from './parse-whole-file.js';
import { parseYamlPayload } from './parse-yaml-payload.js';
import type { ParseReplyOptions, ReplyParser } from './reply-parser.js';
import { malformed } from './reply-parser.js';

export type { ParseReplyOptions } from './reply-parser.js';
export { detectLazyElision } from './lazy-elision.js';

/**
 * Parsers from the most explicit format to the loosest: markers, then keys, then diff headers, then any fenced
 * block with a path. Whole-file comes last because a path line before an illustrative snippet looks the same.
 */
const parsers = {
  'search-replace': parseSearchReplace,
  yaml: parseYamlPayload,
  'unified-diff': parseUnifiedDiff,
  'whole-file': parseWholeFile,
} as const satisfies Record<ReplyFormat, ReplyParser>;

/** What to write, per format, when a reply holds no edit. */
export const expectedShape = {
  'search-replace': 'a file path line, then a fenced block with `<<<<<<< SEARCH`, the exact current lines, `=======`, the new lines, `>>>>>>> REPLACE`',
  'unified-diff': 'a ```diff block with `--- a/path` and `+++ b/path` headers and `@@` hunks of context, - and + lines',
  'whole-file': "the file's path on its own line, then the complete new file in a fenced block",
  yaml: 'YAML with `reasoning`, `file_to_patch` and exactly one of `update: {old_str, new_str}`, `patch` or `new_content`',
} as const satisfies Record<ReplyFormat, string>;

/**
 * Reads the edits and reasoning from a model reply in any supported format. The expected format (if given) is
 * tried first, then the others in the order above; the first format present in the reply wins, so a reply
 * mixing formats yields only that format's edits. A reply with no edit is `malformed` with a reason that says
 * what to write.
 */
export function parseReply(reply: string, options: ParseReplyOptions = {}): ParseResult {
  const text = reply.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const input = { text, lines, fences: findFences(lines), ...(options.knownFiles ? { knownFiles: options.knownFiles } : {}) };
  const order = (Object.keys(parsers) as ReplyFormat[]).sort((a, b) => Number(b === options.expectedFormat) - Number(a === options.expectedFormat));
  for (const format of order) {
    const result = parsers[format](input);
    if (result !== undefined) return result;
  }
  const expected = options.expectedFormat
    ? expectedShape[options.expectedFormat]
    : `${expectedShape['search-replace']}; or ${expectedShape['unified-diff']}; or ${expectedShape['whole-file']}`;
  return malformed(`no edit found in the reply; expected ${expected}`, 'no-edit');
}
