import { debug } from '../../debug.js';

/** How a process ended, as far as the log needs it. */
export interface LoggedEnd {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly durationMs: number;
  readonly timedOut?: boolean;
  readonly aborted?: boolean;
  readonly stalled?: boolean;
  readonly spawnError?: Error;
}

/** One `--verbose` line for a finished process: the command as the runner asked for it, where, how long, how it ended. */
export function logProcess(command: string, args: readonly string[], cwd: string, end: LoggedEnd): void {
  debug('spawn', () => {
    const how = end.spawnError
      ? `failed to start (${end.spawnError.message})`
      : [
          end.exitCode === null ? `signal ${end.signal ?? '?'}` : `exit ${end.exitCode}`,
          ...(end.timedOut === true ? ['timed out'] : []),
          ...(end.aborted === true ? ['aborted'] : []),
          ...(end.stalled === true ? ['stalled'] : []),
        ].join(', ');
    return `${[command, ...args].map(quote).join(' ')}  (cwd ${cwd}; ${(end.durationMs / 1000).toFixed(2)}s; ${how})`;
  });
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
