/** The line ending a file mostly uses; mixed files count as CRLF only when CRLF is the majority. */
export function detectEol(text: string): '\n' | '\r\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/** Converts CRLF (and lone CR) line endings to LF. */
export function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Converts LF text to the given line ending. */
export function withEol(text: string, eol: '\n' | '\r\n'): string {
  return eol === '\n' ? text : text.replace(/\r?\n/g, '\r\n');
}

/** An LF text split into lines, with its trailing newline kept apart so no phantom empty line takes part in matching. */
export interface LineBuffer {
  readonly lines: readonly string[];
  readonly trailingNewline: boolean;
}

/** Splits LF text into lines; `''` has no lines. */
export function toLines(text: string): LineBuffer {
  const trailingNewline = text.endsWith('\n');
  const body = trailingNewline ? text.slice(0, -1) : text;
  return { lines: body === '' && !trailingNewline ? [] : body.split('\n'), trailingNewline };
}

/** Joins lines back into LF text. */
export function fromLines(buffer: LineBuffer): string {
  if (buffer.lines.length === 0) return '';
  return buffer.lines.join('\n') + (buffer.trailingNewline ? '\n' : '');
}

/** The 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The leading whitespace of a line. */
export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** Whether a line holds only whitespace. */
export function isBlank(line: string): boolean {
  return line.trim() === '';
}
