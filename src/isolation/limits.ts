import type { ResourceLimits } from './policy.js';

/**
 * The command that starts `command` under `limits`: util-linux's `prlimit` where it exists (Linux), else a
 * POSIX shell's `ulimit` (macOS and other Unixes). Limits are inherited by every descendant. The memory limit
 * is on the data segment, not the address space: V8 reserves far more address space than it uses (a
 * WebAssembly memory alone reserves 10 GB), so an address-space limit breaks ordinary projects.
 */
export function withLimits(
  limits: ResourceLimits,
  command: string,
  args: readonly string[],
  tools: { readonly prlimit?: string; readonly shell: string },
): { command: string; args: string[] } {
  if (tools.prlimit !== undefined) {
    return {
      command: tools.prlimit,
      args: [`--data=${limits.memoryBytes}`, `--fsize=${limits.fileBytes}`, `--nproc=${limits.processes}`, '--', command, ...args],
    };
  }
  // POSIX `ulimit -f` counts 512-byte blocks; -d is in kilobytes.
  const script = `ulimit -d ${Math.floor(limits.memoryBytes / 1024)} && ulimit -f ${Math.floor(limits.fileBytes / 512)} && exec "$@"`;
  return { command: tools.shell, args: ['-c', script, 'redgreen-limits', command, ...args] };
}
