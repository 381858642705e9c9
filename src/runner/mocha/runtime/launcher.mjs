// @ts-check
// Runs the project's own mocha the way its CLI does (options from .mocharc.* and package.json, --require
// and root hooks, spec files collected by mocha), except that test files are loaded one at a time: a file
// that throws at load becomes an `error` event for that file while the others' tests still run.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toError, writeEvent } from './events.mjs';
import { nodeFlagsOf, relaunchWith } from './node-flags.mjs';
import { createReporter } from './reporter.mjs';

/** @typedef {import('../mocha-launch.js').MochaLaunchRequest} MochaLaunchRequest */

/** @type {MochaLaunchRequest} */
const request = JSON.parse(process.env.REDGREEN_MOCHA_LAUNCH ?? '{}');
const fromMocha = createRequire(join(request.mochaDir, 'package.json'));
const Mocha = fromMocha('./lib/mocha.js');
const { loadOptions } = fromMocha('./lib/cli/options.js');
const { handleRequires } = fromMocha('./lib/cli/run-helpers.js');
const collectFiles = fromMocha('./lib/cli/collect-files.js');
const nodeFlags = fromMocha('./lib/cli/node-flags.js');
const stringify = Mocha.utils.stringify;

/**
 * A yargs array option as strings: absent, one value, or several.
 * @param {unknown} value
 * @returns {string[]}
 */
function array(value) {
  if (value === undefined || value === null || value === false) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** `extension` is also comma-separated in mocha's CLI (other options are not: a glob may hold `{a,b}`). */
function commaList(/** @type {unknown} */ value) {
  return array(value)
    .flatMap((item) => item.split(/ *, */))
    .filter((item) => item !== '');
}

/** Exits once stdout and stderr are flushed: a handle the tests leave open must not turn a finished run into a timeout. */
function exitAfterFlush(/** @type {number} */ code) {
  process.exitCode = code;
  let pending = 2;
  const done = () => --pending === 0 && process.exit(code);
  process.stdout.write('', done);
  process.stderr.write('', done);
}

async function main() {
  const options = loadOptions([]);
  if (relaunchWith(nodeFlagsOf(options, nodeFlags), fileURLToPath(import.meta.url))) return;
  const spec = request.files ?? (options._.length > 0 ? array(options._) : ['./test']);
  Object.assign(options, await handleRequires(array(options.require)));
  if (request.grep !== undefined) {
    delete options.fgrep;
    Object.assign(options, { grep: new RegExp(request.grep), invert: false });
  }
  // The tests mocha will run, by the grep it settled on (ours, or the project's grep/fgrep/invert).
  /** @param {{ fullTitle(): string }} test */
  const matches = (test) => {
    const grep = mocha.options.grep;
    return !(grep instanceof RegExp) || grep.test(test.fullTitle()) !== Boolean(mocha.options.invert);
  };
  // One process, every test: parallel workers and bail would hide results the repair needs.
  Object.assign(options, { parallel: false, watch: false, bail: false, reporter: createReporter(Mocha), reporterOption: { matches } });
  const mocha = new Mocha(options);
  const { files, unmatchedFiles } = collectFiles({
    ignore: array(options.ignore),
    extension: commaList(options.extension),
    file: array(options.file),
    recursive: options.recursive,
    sort: options.sort,
    spec,
  });
  for (const { pattern } of unmatchedFiles) console.error(`Warning: Cannot find any files matching pattern "${pattern}"`);
  const loaded = [];
  let failedToLoad = 0;
  for (const file of files.map((/** @type {string} */ path) => resolve(path))) {
    const suites = mocha.suite.suites.length;
    const tests = mocha.suite.tests.length;
    mocha.files = [file];
    try {
      await mocha.loadFilesAsync();
      loaded.push(file);
    } catch (error) {
      // What the file defined before it threw is dropped: the file counts as one load failure, not half a file.
      mocha.suite.suites.length = suites;
      mocha.suite.tests.length = tests;
      failedToLoad += 1;
      console.error(`\nError loading ${file}:\n`, error);
      writeEvent({ type: 'error', file, error: toError(error, stringify) });
    }
  }
  mocha.files = loaded;
  mocha.run((/** @type {number} */ failures) => exitAfterFlush(failures > 0 || failedToLoad > 0 ? 1 : 0));
}

main().catch((error) => {
  // a bad --require, config or reporter: the run as a whole is broken, not one file
  console.error(error);
  writeEvent({ type: 'error', error: toError(error, stringify) });
  exitAfterFlush(1);
});
