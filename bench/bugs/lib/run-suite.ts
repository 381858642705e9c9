import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './corpus.js';

/** A bug program copied to a temp dir with the repository's node_modules linked in. */
export interface ScratchCopy {
  readonly dir: string;
  dispose(): Promise<void>;
}

/** Copies `sourceDir` (without any node_modules) to a fresh temp dir and links node_modules. */
export async function scratchCopy(sourceDir: string, prefix = 'redgreen-bug-'): Promise<ScratchCopy> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await cp(sourceDir, dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** Counts of one vitest run, or why there are none. */
export type SuiteResult =
  | { status: 'complete'; passed: number; failed: number; fileErrors: string[]; ms: number }
  | { status: 'timeout'; ms: number }
  | { status: 'error'; message: string; ms: number };

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; status: string; message?: string; assertionResults: unknown[] }[];
}

const vitestEntry = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');

/**
 * Runs `vitest run --config <config>` in `dir` with the JSON reporter and reads the counts back.
 * A run past `timeoutMs` is killed with its whole process group (a hung test never returns).
 */
export async function runSuite(dir: string, config: string, timeoutMs: number): Promise<SuiteResult> {
  const started = Date.now();
  const outputFile = join(dir, `.report-${config.replace(/\W/g, '_')}.json`);
  const child = spawn(
    process.execPath,
    [vitestEntry, 'run', '--config', config, '--reporter=json', `--outputFile=${outputFile}`],
    { cwd: dir, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1', NO_COLOR: '1' } },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }, timeoutMs);
  const exitCode = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearTimeout(timer);
  const ms = Date.now() - started;
  if (timedOut) return { status: 'timeout', ms };
  let report: JsonReport;
  try {
    report = JSON.parse(await readFile(outputFile, 'utf8')) as JsonReport;
  } catch {
    return { status: 'error', message: `no JSON report (exit ${exitCode}): ${stderr.trim().slice(-500)}`, ms };
  }
  // A file that fails to load (syntax error, bad import) has no assertions but a failed status.
  const fileErrors = report.testResults
    .filter((file) => file.status === 'failed' && file.assertionResults.length === 0)
    .map((file) => `${file.name}: ${file.message ?? 'failed to load'}`);
  return { status: 'complete', passed: report.numPassedTests, failed: report.numFailedTests, fileErrors, ms };
}
