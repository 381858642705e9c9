// @ts-check
// Node flags a mocha config asks for (`node-option: ['import=tsx']`, or a Node flag written as a mocha option
// such as `enable-source-maps`) can only apply to a fresh Node process: like mocha's own bin, the launcher
// starts itself again with them. The child stays in the run's process group, so a kill still reaches it.
import { spawn } from 'node:child_process';

const relaunched = 'REDGREEN_MOCHA_RELAUNCHED';

/**
 * The Node flags in mocha's loaded options, read with the project's mocha's own `lib/cli/node-flags.js`.
 * @param {Record<string, unknown>} options
 * @param {{ isNodeFlag(flag: string): boolean, unparseNodeFlags(flags: Record<string, unknown>): string[] }} nodeFlags
 * @returns {string[]}
 */
export function nodeFlagsOf(options, nodeFlags) {
  const listed = options['node-option'];
  if (Array.isArray(listed) && listed.length > 0) return listed.map((flag) => `--${String(flag)}`);
  /** @type {Record<string, unknown>} */
  const flags = {};
  for (const [key, value] of Object.entries(options)) {
    if (nodeFlags.isNodeFlag(key)) flags[key.replace(/^v8-(?!options$)/, '')] = value;
  }
  return Object.keys(flags).length > 0 ? nodeFlags.unparseNodeFlags(flags) : [];
}

/**
 * Starts this script again under `flags` and ends with the child's exit code; false when there is nothing to
 * apply, or this process is already the relaunched one.
 * @param {readonly string[]} flags
 * @param {string} script
 */
export function relaunchWith(flags, script) {
  if (flags.length === 0 || process.env[relaunched] === '1') return false;
  const child = spawn(process.execPath, [...flags, script], { stdio: 'inherit', env: { ...process.env, [relaunched]: '1' } });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  return true;
}
