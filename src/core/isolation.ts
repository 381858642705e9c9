/**
 * How far redgreen goes to contain the code it runs (the project's tests, with candidate edits applied):
 * - `strict`: an OS-level boundary (bubblewrap on Linux, sandbox-exec on macOS) on top of `basic`;
 * - `basic`: a scrubbed environment, resource limits, a private HOME and TMPDIR, and every process of a run
 *   killed when it ends;
 * - `off`: the tests run with redgreen's own environment and no limits (for debugging the boundary itself).
 */
export type IsolationMode = 'strict' | 'basic' | 'off';

export const isolationModes: readonly IsolationMode[] = ['strict', 'basic', 'off'];
