import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { describeError } from '../core/errors.js';
import { exitCodeFor, exitCodes, showsStack } from './exit-codes.js';
import { runFixCommand } from './fix-command.js';
import type { FixCommandOptions } from './fix-command.js';
import { addFixFlags } from './fix-flags.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { version } from './version.js';

/** Parses argv and runs a command; returns the exit code. The CLI's single error boundary. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = exitCodes.green;
  const program = new Command('redgreen')
    .description('Turn a red test suite green: test-guided repair steps in a sandbox, applied only with your approval.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });

  const fixCommand = program.command('fix').description('repair the project in [dir] until its tests pass').argument('[dir]', 'project directory', '.');
  addFixFlags(fixCommand).action(async (dir: string, options: FixCommandOptions) => {
    exitCode = await withInterrupts(io, (signal) => runFixCommand(dir, options, io, signal));
  });

  try {
    await program.parseAsync([...argv], { from: 'node' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.green : exitCodes.usage;
    }
    const code = exitCodeFor(error);
    io.stderr(`${pc.red('error')} ${describeError(error)}\n`);
    // A stack only for redgreen's own bugs: every other error is one clear line.
    if (showsStack(code) && error instanceof Error && error.stack) io.stderr(pc.dim(`${error.stack}\n`));
    return code;
  }
}

/** The signals that stop a run: Ctrl-C, a polite kill, and the terminal going away. */
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Turns the first Ctrl-C, SIGTERM or SIGHUP into a graceful stop: the run ends its current step, kills its
 * test processes, saves what it has and leaves the project untouched. A second one quits at once; the test
 * processes' groups are still killed on the way out (see process-groups.ts).
 */
async function withInterrupts(io: CliIo, run: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      io.stderr(`\n${name} again: quitting at once\n`);
      process.exit(exitCodes.interrupted);
    }
    controller.abort();
    const again = name === 'SIGINT' ? 'Ctrl-C again' : 'a second signal';
    io.stderr(`\ninterrupted: stopping after the current test run (${name}; ${again} to quit at once); your files are unchanged\n`);
  };
  for (const name of stopSignals) process.on(name, onSignal);
  try {
    return await run(controller.signal);
  } finally {
    for (const name of stopSignals) process.off(name, onSignal);
  }
}
