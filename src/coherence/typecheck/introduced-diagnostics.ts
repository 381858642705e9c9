import type { TypeDiagnostic } from '../../core/attempts.js';

/**
 * The diagnostics of `current` that `baseline` did not have. An edit shifts lines, so a diagnostic is matched
 * by its file, code and message, not by its position; duplicates count (a second identical error in a file
 * is introduced even though the first is old). Keeps `current`'s order.
 */
export function introducedDiagnostics<T extends TypeDiagnostic>(baseline: readonly TypeDiagnostic[], current: readonly T[]): T[] {
  const remaining = new Map<string, number>();
  for (const diagnostic of baseline) remaining.set(diagnosticKey(diagnostic), (remaining.get(diagnosticKey(diagnostic)) ?? 0) + 1);
  const introduced: T[] = [];
  for (const diagnostic of current) {
    const key = diagnosticKey(diagnostic);
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else introduced.push(diagnostic);
  }
  return introduced;
}

/** What identifies a diagnostic across edits that move it. */
export function diagnosticKey(diagnostic: TypeDiagnostic): string {
  return `${diagnostic.file}\0${diagnostic.code}\0${diagnostic.message}`;
}
