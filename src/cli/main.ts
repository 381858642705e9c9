import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { debug, setDebugSink } from '../debug.js';
import type { DebugSink } from '../debug.js';
import { describeError } from '../core/errors.js';
import { exitCodeFor, exitCodes, showsStack } from './exit-codes.js';
import type { FixCommandOptions } from './fix-command.js';
import { addFixFlags, givenFlags } from './fix-flags.js';
import type { ScaffoldCommandOptions } from './scaffold-command.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { jsonError, toJsonError } from './json-error.js';
import { version } from './version.js';

/**
 * Parses argv and runs a command; returns the exit code. The CLI's single error boundary. Only what `--help`
 * needs is imported up front: a command's modules (the engine, TypeScript, the runners) load when it runs.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  // Known before parsing, so that even a command line commander rejects gets its JSON error object.
  const json = wantsJson(argv);
  let exitCode: number = exitCodes.green;
  let color = io.color;
  let restoreLog: { readonly sink: DebugSink | undefined } | undefined;
  const program = new Command('redgreen')
    .description('Turn a red test suite green: test-guided repair steps in a sandbox, applied only with your approval.')
    .version(version)
    .option('--no-color', 'plain output, no colours (also NO_COLOR=1; FORCE_COLOR=1 forces them)')
    .option('--verbose', 'log the commands run, resolution decisions and timings on stderr (also DEBUG=redgreen)')
    .exitOverride()
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });

  /** The global options applied: the debug log, and the colours a command's output may use. */
  const commandIo = (): CliIo => {
    const globals = program.opts<{ color: boolean; verbose?: boolean }>();
    if (globals.verbose === true) restoreLog = { sink: setDebugSink(io.stderr) };
    color = globals.color && io.color;
    return globals.color ? io : { ...io, color: false, stdoutColor: false };
  };

  const fixCommand = program.command('fix').description('repair the project in [dir] until its tests pass').argument('[dir]', 'project directory', '.');
  addFixFlags(fixCommand).action(async (dir: string, options: FixCommandOptions) => {
    const runIo = commandIo();
    const loading = performance.now();
    const { runFixCommand } = await import('./fix-command.js');
    debug('time', `loaded the fix command in ${Math.round(performance.now() - loading)}ms`);
    exitCode = await withInterrupts(runIo, json, (signal) => runFixCommand(dir, givenFlags(fixCommand, options), runIo, signal));
  });

  program
    .command('scaffold')
    .description('write typed stubs for the modules, exports and members the tests in [dir] use but the code lacks')
    .argument('[dir]', 'project directory', '.')
    .option('-y, --yes', 'write the stubs without asking')
    .option('--dry-run', 'only show the stubs; write nothing')
    .option('--json', 'print one JSON object on stdout')
    .action(async (dir: string, options: ScaffoldCommandOptions) => {
      const runIo = commandIo();
      const { runScaffoldCommand } = await import('./scaffold-command.js');
      exitCode = await withInterrupts(runIo, json, (signal) => runScaffoldCommand(dir, options, runIo, signal));
    });

  try {
    await program.parseAsync([...argv], { from: 'node' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0 and their text already written.
      if (error.exitCode === 0) return exitCodes.green;
      if (json) io.stdout(`${JSON.stringify(jsonError('usage', error.message.replace(/^error: /, ''), exitCodes.usage, error.code))}\n`);
      return exitCodes.usage;
    }
    const code = exitCodeFor(error);
    if (json) io.stdout(`${JSON.stringify(toJsonError(error, code))}\n`);
    const c = pc.createColors(color);
    io.stderr(`${c.red('error')} ${describeError(error)}\n`);
    // A stack only for redgreen's own bugs: every other error is one clear line.
    if (showsStack(code) && error instanceof Error && error.stack) io.stderr(c.dim(`${error.stack}\n`));
    return code;
  } finally {
    if (restoreLog !== undefined) setDebugSink(restoreLog.sink);
  }
}

/** Whether the command line asks for `--json` (before a `--` that ends the options). */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/** The signals that stop a run: Ctrl-C, a polite kill, and the terminal going away. */
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Turns the first Ctrl-C, SIGTERM or SIGHUP into a graceful stop: the run ends its current step, kills its
 * test processes, saves what it has and leaves the project untouched. A second one quits at once; the test
 * processes' groups are still killed on the way out (see process-groups.ts).
 */
async function withInterrupts(io: CliIo, json: boolean, run: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      io.stderr(`\n${name} again: quitting at once\n`);
      if (json) io.stdout(`${JSON.stringify(jsonError('interrupted', `${name} twice: quit at once`, exitCodes.interrupted))}\n`);
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
