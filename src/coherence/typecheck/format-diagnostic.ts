import type { TypeDiagnostic } from '../../core/attempts.js';

/**
 * A type error as a reader (a model, a person) needs it: `file:line:col - error TS<code>: message`, then the
 * lines around it, numbered, with the offending span underlined by carets. `length` is the span's length in
 * characters (at least one caret; cut at the line's end); tabs before it are kept so the carets line up. `text` is
 * the file's content.
 */
export function formatDiagnostic(diagnostic: TypeDiagnostic, text: string, length: number, contextLines = 2): string {
  const head = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} - error TS${diagnostic.code}: ${diagnostic.message}`;
  const lines = text.split(/\r?\n/);
  const at = diagnostic.line - 1;
  if (at < 0 || at >= lines.length) return head;
  const first = Math.max(0, at - contextLines);
  const last = Math.min(lines.length - 1, at + contextLines);
  const width = String(last + 1).length;
  const out = [head];
  for (let i = first; i <= last; i++) {
    const line = lines[i] ?? '';
    out.push(`${i === at ? '>' : ' '} ${String(i + 1).padStart(width)} | ${line}`.trimEnd());
    if (i === at) {
      const start = diagnostic.column - 1;
      const carets = Math.max(1, Math.min(length, line.length - start));
      out.push(`  ${' '.repeat(width)} | ${line.slice(0, start).replace(/[^\t]/g, ' ')}${'^'.repeat(carets)}`);
    }
  }
  return out.join('\n');
}
