import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';

/** A non-interactive, colourless CLI io that keeps what the command printed, for calling commands in-process. */
export function captureIo(cwd: string = process.cwd()): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    stdin: new PassThrough(),
    prompt: new PassThrough(),
    isInteractive: false,
    color: false,
    cwd,
  };
}
