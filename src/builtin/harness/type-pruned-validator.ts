import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readTypecheckConfig } from '../../coherence/typecheck/typecheck-config.js';
import { debug } from '../../debug.js';
import type { TypePruner } from '../candidates/type-pruner.js';
import { createTypePruner } from '../candidates/type-pruner.js';
import { applyCandidate } from '../schemata/apply-changes.js';
import type { Candidate, CandidateVerdict } from '../types.js';
import type { CandidateValidator } from './validation-session.js';

/** The message of a pruned candidate's verdict; `isPruned` recognizes it. */
const prunedMessage = 'pruned by the type check: the change adds type errors to its file';

export function isPruned(verdict: CandidateVerdict): boolean {
  return verdict.status === 'error' && verdict.message === prunedMessage;
}

/** The words a progress or closing line adds for `count` pruned candidates: `, 6 pruned by the type check`, or nothing. */
export function prunedNote(count: number): string {
  return count > 0 ? `, ${count} pruned by the type check` : '';
}

/**
 * The project's type pruner over its original texts, or undefined when it has none: no tsconfig.json (nor a
 * jsconfig.json asking for `checkJs`: JavaScript nobody type-checks has no type errors to introduce), or the
 * compiler failed to set it up.
 */
export function openTypePruner(root: string): TypePruner | undefined {
  try {
    const config = readTypecheckConfig(root);
    if (config.status === 'off') {
      debug('builtin', `no type pruning: ${config.reason}`);
      return undefined;
    }
    const pruner = createTypePruner({ compilerOptions: config.options, rootFiles: config.rootNames, readFile: (path) => readOrUndefined(path) });
    // A file the tsconfig does not include is not type-checked by its author: any change to it is accepted.
    const checked = new Set(config.rootNames.map((name) => resolve(name)));
    return { baseline: (file) => pruner.baseline(file), accept: (file, text) => !checked.has(resolve(file)) || pruner.accept(file, text) };
  } catch (error) {
    debug('builtin', `no type pruning: the compiler could not be set up (${String(error)})`);
    return undefined;
  }
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export interface TypePrunedValidatorOptions {
  /** The project the pruner reads: candidate files are relative to it. */
  readonly root: string;
  readonly pruner: TypePruner;
  /** Called once per candidate the pruner rejects. */
  readonly onPruned?: (candidate: Candidate) => void;
}

/**
 * A validator that type-checks each candidate's changed files in memory before `inner` runs it, and answers
 * for a candidate that adds type errors at once (an `error` verdict, `isPruned`). Worth it only where a run
 * costs far more than a check (a test runner spawned per candidate, about a second, against tens of
 * milliseconds); a warm session validates a candidate faster than the check would. A pruner that throws
 * prunes nothing: the candidate is run.
 */
export function withTypePruning(inner: CandidateValidator, options: TypePrunedValidatorOptions): CandidateValidator {
  const originals = new Map<string, string | undefined>();
  const original = (file: string): string | undefined => {
    if (!originals.has(file)) originals.set(file, readOrUndefined(join(options.root, file)));
    return originals.get(file);
  };
  let broken = false;
  const addsTypeErrors = (candidate: Candidate): boolean => {
    if (broken) return false;
    const files = new Map<string, string>();
    for (const change of candidate.changes) {
      const text = original(change.file);
      if (text !== undefined) files.set(change.file, text);
    }
    const applied = applyCandidate(files, candidate);
    if (applied.status !== 'applied') return false;
    try {
      return [...applied.files].some(([file, text]) => !options.pruner.accept(join(options.root, file), text));
    } catch (error) {
      broken = true;
      debug('builtin', `type pruning stopped: the compiler threw on candidate ${candidate.id} (${String(error)}); candidates run unpruned`);
      return false;
    }
  };
  // A disposed validator checks no more candidates: the search has stopped.
  let disposed = false;
  return {
    async *validate(candidates, testsFor, validateOptions) {
      for (const candidate of candidates) {
        if (disposed) return;
        if (addsTypeErrors(candidate)) {
          debug('builtin', () => `candidate ${candidate.id} pruned by the type check: ${candidate.description}`);
          options.onPruned?.(candidate);
          yield { candidate: candidate.id, status: 'error', message: prunedMessage, durationMs: 0 };
          continue;
        }
        yield* inner.validate([candidate], testsFor, validateOptions);
      }
    },
    dispose() {
      disposed = true;
      return inner.dispose();
    },
  };
}
