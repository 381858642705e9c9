import pc from 'picocolors';

/** The CLI's contact with the outside, injectable for tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly stdin: NodeJS.ReadableStream;
  /** Where questions are asked (the terminal's error stream, so stdout stays clean). */
  readonly prompt: NodeJS.WritableStream;
  readonly isInteractive: boolean;
  /** Whether progress and messages on stderr may be coloured. */
  readonly color: boolean;
  /** Whether stdout (the diff) may be coloured; plain when absent. */
  readonly stdoutColor?: boolean;
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
    color: colorFor(process.stderr),
    stdoutColor: colorFor(process.stdout),
    cwd: process.cwd(),
  };
}

/**
 * Colour where the library allows it (picocolors honours NO_COLOR, FORCE_COLOR, --no-color and a dumb
 * terminal) and the stream is a terminal, or colour is forced.
 */
function colorFor(stream: NodeJS.WriteStream): boolean {
  return pc.isColorSupported && (stream.isTTY === true || Boolean(process.env['FORCE_COLOR']));
}

function ignoreOutputError(): void {
  // Nothing to tell the user on a stream that is gone.
}
