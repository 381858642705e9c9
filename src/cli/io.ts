/** The CLI's contact with the outside, injectable for tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly stdin: NodeJS.ReadableStream;
  /** Where questions are asked (the terminal's error stream, so stdout stays clean). */
  readonly prompt: NodeJS.WritableStream;
  readonly isInteractive: boolean;
  readonly color: boolean;
  readonly cwd: string;
}

export function processIo(): CliIo {
  // A terminal that hung up (SIGHUP) or a closed pipe fails writes with EIO/EPIPE: the run must still clean up.
  for (const stream of [process.stdout, process.stderr]) {
    if (!stream.listeners('error').includes(ignoreOutputError)) stream.on('error', ignoreOutputError);
  }
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
    prompt: process.stderr,
    isInteractive: process.stdin.isTTY === true && process.stderr.isTTY === true,
    color: process.stderr.isTTY === true && !('NO_COLOR' in process.env),
    cwd: process.cwd(),
  };
}

function ignoreOutputError(): void {
  // Nothing to tell the user on a stream that is gone.
}
