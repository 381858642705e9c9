import type { ApplyResult } from '../core/edits.js';

/**
 * Replaces the whole LF `text` with `content`. A newline is appended when the content lacks one and the
 * original ended with one (or was empty): models often drop the final newline of a file they reprint.
 */
export function applyRewrite(text: string, content: string): ApplyResult {
  const addNewline = content !== '' && !content.endsWith('\n') && (text === '' || text.endsWith('\n'));
  return { status: 'applied', text: addNewline ? `${content}\n` : content };
}
