import { Command, CommanderError, InvalidArgumentError } from 'commander';
import pc from 'picocolors';
import { debug, setDebugSink } from '../debug.js';
import type { DebugSink } from '../debug.js';
import { describeError } from '../errors.js';
import { exitCodeFor, exitCodes, showsStack } from './exit-codes.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { jsonError, toJsonError } from './json-error.js';
import { version } from './version.js';
import { maxTimerSeconds } from '../config/schema.js';

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

  program
    .command('fix')
    .description('repair the project in [dir] until its tests pass')
    .argument('[dir]', 'project directory', '.')
    .option('-m, --model <spec>', 'denoiser: builtin (default, no model needed) | openai:<model> | ollama:<model> | llamacpp | anthropic:<model> | gguf:<file> | scripted:<file>')
    .option('--max-iter <n>', 'most repair steps (default 5)', positiveInt)
    .option('--tests <glob...>', 'test files that define the goal (default: the whole suite)')
    .option('--src <glob...>', 'files that may be edited (default: every non-test source)')
    .option('--runner <name>', 'vitest | jest | node-test | mocha | command:<cmd> (default: detected)')
    .option('--edit-format <name>', 'reply format asked of models: search-replace | unified-diff | whole-file | yaml (default: by model)')
    .option('--format-retries <n>', 'extra replies a step may ask for after an unusable one, not counted as steps (default 2)', nonNegativeInt)
    .option('--test-timeout <seconds>', 'limit for one test run; a hung run is killed (default 60)', seconds)
    .option('--hang-timeout <seconds>', 'a test run with no progress for this long is hung: its running tests are timed out and the rest re-run (default 10)', seconds)
    .option('--flaky-reruns <n>', 're-runs of a test whose outcome flipped, to tell a flaky test from a real failure or fix (default 2; 0: off)', nonNegativeInt)
    .option('--budget-seconds <n>', 'limit for the whole loop (default 60 with the built-in engine)', seconds)
    .option('--budget-tokens <n>', 'model tokens the run may spend', positiveInt)
    .option('--max-candidates <n>', 'built-in engine: most single-edit candidates per search (default 2000)', positiveInt)
    .option('--temperature <t>', 'model sampling temperature', temperature)
    .option('--max-tokens <n>', 'most tokens in one model reply', positiveInt)
    .option('--context-size <n>', 'context window to ask for (Ollama num_ctx, gguf)', positiveInt)
    .option('--model-timeout <seconds>', 'limit for one model request (default 120)', seconds)
    .option('--max-reply-bytes <n>', 'most bytes one model reply may take, streamed or not (default 8388608, 8 MB)', positiveInt)
    .option('--seed <n>', 'sampling seed, where the back end supports one', wholeNumber)
    .option('--stream', 'stream model replies (detects cut-off replies early)')
    .option('--infill', 'mask the code around the suspected fault and let the model fill it in (ollama, llamacpp, gguf, Mercury)')
    .option('-y, --yes', 'apply the fix without asking')
    .option('--dry-run', 'never touch the project; print the diff')
    .option('--json', 'print one machine-readable result object on stdout')
    .option('--allow-test-edits', 'let the denoiser edit test files (off: the tests are the specification)')
    .option('--allow-edit <glob...>', 'let the denoiser edit these files that run code or change dependencies (package.json scripts and dependencies, .npmrc, git hooks, CI)')
    .option('--keep-sandbox', 'keep the sandbox directory after the run')
    .option('--isolation <mode>', 'strict: tests run in an OS sandbox (bubblewrap, sandbox-exec) | basic: scrubbed environment and limits only | off (default strict; falls back to basic where unavailable)', isolationMode)
    .option('--allow-network', 'let the tests reach the network (default: loopback only)')
    .option('--pass-env <name...>', 'environment variables the tests may see besides the allowlist (PATH, locale, NODE_OPTIONS…)')
    .option('--memory-limit <mb>', 'memory limit per test process, in megabytes (default 8192)', positiveInt)
    .action(async (dir: string, options) => {
      const globals = program.opts<{ color: boolean; verbose?: boolean }>();
      if (globals.verbose === true) restoreLog = { sink: setDebugSink(io.stderr) };
      color = globals.color && io.color;
      const runIo: CliIo = globals.color ? io : { ...io, color: false, stdoutColor: false };
      const loading = performance.now();
      const { runFixCommand } = await import('./fix-command.js');
      debug('time', `loaded the fix command in ${Math.round(performance.now() - loading)}ms`);
      exitCode = await withInterrupts(runIo, json, (signal) => runFixCommand(dir, options, runIo, signal));
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

function isolationMode(value: string): string {
  if (!['strict', 'basic', 'off'].includes(value)) throw new InvalidArgumentError('expected strict, basic or off');
  return value;
}

function temperature(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 2) throw new InvalidArgumentError('expected a number from 0 to 2');
  return n;
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

/** A duration in whole seconds that Node's timers can hold (past about 24.8 days a timer fires at once). */
function seconds(value: string): number {
  const n = positiveInt(value);
  if (n > maxTimerSeconds) throw new InvalidArgumentError(`expected at most ${maxTimerSeconds} seconds (about 24 days)`);
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}
