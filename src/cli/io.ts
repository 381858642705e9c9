/** The CLI's contact with the outside, injectable for tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly stdin: NodeJS.ReadableStream;
  readonly isInteractive: boolean;
  readonly color: boolean;
  readonly cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
    isInteractive: process.stdin.isTTY === true && process.stderr.isTTY === true,
    color: process.stderr.isTTY === true && !('NO_COLOR' in process.env),
    cwd: process.cwd(),
  };
}
