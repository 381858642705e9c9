import pc from 'picocolors';
import type { RunResult } from '../core/run-result.js';
import { findSensitiveEdits } from '../loop/sensitive-edits.js';
import type { CliIo } from './io.js';

/** A warning of the `--json` result: a change that runs code or changes dependencies, allowed by `--allow-edit`. */
export interface SensitiveEditWarning {
  readonly kind: 'sensitive-edit';
  readonly file: string;
  readonly message: string;
}

/** The fix's changes that run code or change dependencies, for the `warnings` of `--json`. */
export function sensitiveEditWarnings(result: RunResult): SensitiveEditWarning[] {
  return findSensitiveEdits(result.changes).map(({ file, message }) => ({ kind: 'sensitive-edit', file, message }));
}

/** One line per such change on stderr, after the diff and before approval: `! package.json: changes scripts.postinstall`. */
export function printSensitiveEdits(result: RunResult, io: CliIo): void {
  for (const warning of sensitiveEditWarnings(result)) {
    const line = `! ${warning.file}: ${warning.message}`;
    io.stderr(`${io.color ? pc.yellow(line) : line}\n`);
  }
}
