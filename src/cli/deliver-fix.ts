import type { RunResult } from '../core/run-result.js';
import { describeFsFailure } from '../workspace/fs-failure.js';
import { findConflicts, findUnwritable } from '../workspace/find-conflicts.js';
import { saveRunPatch } from '../workspace/run-files.js';
import { writeBack } from '../workspace/write-back.js';
import { describeError } from '../core/errors.js';
import { askApproval } from './approve.js';
import type { CliIo } from './io.js';
import type { Delivery } from './summary.js';

export interface DeliverOptions {
  readonly yes?: boolean;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  /** Ctrl-C (or SIGTERM/SIGHUP) at the approval prompt: the fix is saved, not applied. */
  readonly signal?: AbortSignal;
}

/** What became of the fix, and whether that changes the run's outcome. */
export interface DeliverResult {
  readonly delivery: Delivery;
  /** The fix was not applied because the user stopped at the prompt: the run ends as interrupted. */
  readonly interrupted?: boolean;
  /** The fix was verified but could not be written into the project: the run did not deliver. */
  readonly refused?: boolean;
}

/** Applies the run's fix, saves it as a patch, or only shows it: never loses a verified fix. */
export async function deliverFix(projectDir: string, result: RunResult, options: DeliverOptions, io: CliIo): Promise<DeliverResult> {
  const save = async (reason: string, explainWhere = true): Promise<Delivery> => {
    const saved = await saveRunPatch(projectDir, result.runId, result.diff);
    const where = saved.notInProject === undefined || !explainWhere ? '' : ` (not in the project: ${saved.notInProject})`;
    return { kind: 'saved', patchFile: saved.path, reason: `${reason}${where}` };
  };
  if (result.changes.length === 0) return { delivery: { kind: 'nothing' } };
  if (options.dryRun === true) return { delivery: { kind: 'dry-run' } };
  if (result.stopReason === 'interrupted') return { delivery: await save('interrupted; the fix so far is saved, not applied') };
  if (result.status !== 'green') {
    const reason =
      result.stopReason === 'flaky'
        ? 'the run ended red on flaky tests; the fix is saved, not applied'
        : 'the run ended red; the partial fix is saved, not applied';
    return { delivery: await save(reason) };
  }
  // A signal after the loop ended but before the write: the user asked to stop, so nothing is applied.
  if (stoppedBy(options.signal)) return { delivery: await save('interrupted; the fix is saved, not applied'), interrupted: true };
  if (options.yes === true) return apply(projectDir, result, save);
  if (io.isInteractive && options.json !== true) {
    const files = result.changes.length;
    const answer = await askApproval(`Apply this fix to ${files} file${files === 1 ? '' : 's'}?`, io.stdin, io.prompt, options.signal);
    if (answer === 'yes') return apply(projectDir, result, save);
    // A terminal that hangs up closes the input and sends SIGHUP: whichever lands first, it is an interruption.
    if (answer === 'interrupted' || stoppedBy(options.signal))
      return { delivery: await save('interrupted at the approval prompt; the fix is saved, not applied'), interrupted: true };
    return { delivery: await save('not approved') };
  }
  return { delivery: await save('no terminal to ask for approval and no --yes') };
}

/** Read afresh each time: a signal can arrive while the prompt waits. */
function stoppedBy(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/**
 * Writes the fix into the project. When write-back refuses (a file changed on disk during the run, or the
 * project cannot be written) the verified fix is saved as a patch and the reason names the files.
 */
async function apply(projectDir: string, result: RunResult, save: (reason: string, explainWhere?: boolean) => Promise<Delivery>): Promise<DeliverResult> {
  try {
    const written = await writeBack(projectDir, [...result.changes], result.runId);
    return { delivery: { kind: 'applied', files: written.written, backupDir: written.backupDir } };
  } catch (error) {
    const conflicts = await findConflicts(projectDir, result.changes).catch(() => undefined);
    // A read-only checkout fails first on the state dir; the file the user will look for is the source.
    const unwritable = await findUnwritable(projectDir, result.changes).catch(() => undefined);
    const conflicted = conflicts !== undefined && conflicts.edited.length + conflicts.alreadyFixed.length > 0;
    // A project that refused the fix's files refuses the patch too: that is said once.
    return { delivery: await save(refusalReason(conflicts, unwritable ?? error, projectDir), conflicted || unwritable === undefined), refused: true };
  }
}

function refusalReason(conflicts: Awaited<ReturnType<typeof findConflicts>> | undefined, error: unknown, projectDir: string): string {
  if (conflicts !== undefined && conflicts.edited.length > 0) {
    const files = conflicts.edited.join(', ');
    const also =
      conflicts.alreadyFixed.length > 0 ? ` (${conflicts.alreadyFixed.join(', ')} already hold${conflicts.alreadyFixed.length === 1 ? 's' : ''} the fix)` : '';
    return `your edits to ${files} during the run conflict with the fix${also}`;
  }
  if (conflicts !== undefined && conflicts.alreadyFixed.length > 0) {
    const verb = conflicts.alreadyFixed.length === 1 ? 'holds' : 'hold';
    return `${conflicts.alreadyFixed.join(', ')} already ${verb} the fix (changed on disk during the run)`;
  }
  const why = describeFsFailure(error, projectDir) ?? describeError(error);
  return `the fix could not be written into the project (${why})`;
}
