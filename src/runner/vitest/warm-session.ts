import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunnerError } from '../../core/errors.js';
import { hitLimitMessage, runtimeGlobal } from '../../core/instrumentation.js';
import type { TestId, TestResult } from '../../core/test-report.js';
import { testKey } from '../../core/test-report.js';
import type { CandidateRun, CandidateRunRequest, CoverageMatrix, WarmSession, WarmSessionOptions, WarmSessionProvider } from '../../core/warm-session.js';
import { createSandbox } from '../../workspace/sandbox.js';
import { claimTempDir, releaseTempDir } from '../../workspace/sandbox-retention.js';
import type { HostProcess } from './host-process.js';
import { startHostProcess } from './host-process.js';
import { fullNamePattern } from '../core/name-filter.js';
import { packageExportUrl, resolveFrameworkBin } from '../core/resolve-framework.js';
import { createRunDir, projectRoots, runnerEnv } from '../core/run-dir.js';
import { findHanger, readHarnessEvents } from './harness-events.js';
import type { HarnessProvided, HostSpec, HostTestResult, VitestHostConfig } from './host-protocol.js';
import { hostResult, splitReply } from './split-reply.js';

const hostScript = fileURLToPath(new URL('./runtime/vitest-host.mjs', import.meta.url));
const setupFile = fileURLToPath(new URL('./runtime/harness-setup.mjs', import.meta.url));

function nodeEntryUrl(packageDir: string): string {
  return packageExportUrl(packageDir, './node', './dist/node.js');
}

/** The vitest majors the warm session runs on (the host drives 1 and 2 through the APIs of their era). */
function supportedMajor(major: number): boolean {
  return major >= 1;
}

/** The vitest runner's warm session, for the vitest versions it supports (1 to 4). */
export const vitestWarmSession: WarmSessionProvider = {
  supports(projectDir) {
    try {
      return supportedMajor(resolveFrameworkBin(projectDir, 'vitest').major);
    } catch {
      return false;
    }
  },
  start: createVitestWarmSession,
};

/**
 * The warm vitest session: the project's own vitest (1 to 4), created once in a host process of its own (see
 * runtime/vitest-host.mjs) over a private copy of the project. A batch is one request to the host with a spec
 * per (candidate, test file), all in one worker without isolation (`threads`, `isolate: false`): test files
 * re-run per spec but source modules are evaluated once per run, which is right because the schemata read
 * `__rg.active` when called. On vitest 4 the batch is one `runTestSpecifications` call and the candidate id
 * travels in the spec's module id; older majors run one candidate per vitest run and the id travels in the
 * provided settings. Either way the setup file (runtime/harness-setup.mjs) switches it on. Where import-time
 * code depends on the candidate (a change outside any function, or an instrumented function called while a
 * module loads), each candidate gets a run, and so a fresh worker, of its own.
 */
async function createVitestWarmSession(options: WarmSessionOptions): Promise<WarmSession> {
  const sandbox = await createSandbox(options.projectDir);
  const runDir = await createRunDir();
  await Promise.all([claimTempDir(sandbox.root), claimTempDir(runDir.dir)]);
  const removeCopies = async (): Promise<void> => {
    await Promise.all([sandbox.dispose(), runDir.remove()]);
    await Promise.all([releaseTempDir(sandbox.root), releaseTempDir(runDir.dir)]);
  };
  const roots = projectRoots(sandbox.root);
  const hitLimit = options.hitLimit ?? 1_000_000;
  let host: HostProcess | undefined;
  const originals = new Map<string, string | undefined>();
  const loaded = new Map<string, string>();

  let hostConfig: VitestHostConfig;
  let vitestUrl: string;
  try {
    const framework = resolveFrameworkBin(sandbox.root, 'vitest');
    if (!supportedMajor(framework.major))
      throw new RunnerError(`the warm validation session needs vitest 1 or later, not ${framework.major}: each candidate runs in a process of its own`);
    vitestUrl = packageExportUrl(framework.packageDir, '.', './dist/index.js');
    hostConfig = {
      vitestNodeUrl: nodeEntryUrl(framework.packageDir),
      major: framework.major,
      root: sandbox.root,
      // A copy outside node_modules: vitest imports a setup file under node_modules (redgreen installed as a
      // package) natively, once per worker, so without isolation it would not re-run per test file and every
      // candidate after the first would run with the first one's id.
      setupFile: await runDir.write('harness-setup.mjs', await readFile(setupFile, 'utf8')),
      testTimeoutMs: options.testTimeoutMs,
      pool: 'threads',
      maxWorkers: 1,
    };
  } catch (error) {
    await removeCopies();
    throw error;
  }

  let disposed = false;
  async function ensureHost(): Promise<HostProcess> {
    if (host?.alive) return host;
    // A session closed mid-batch (the search's deadline) must not come back to life to retry the batch.
    if (disposed) throw new RunnerError('the validation session was closed');
    starting = startHostProcess({
      script: hostScript,
      cwd: sandbox.root,
      env: { ...runnerEnv(undefined, runDir.eventsFile), REDGREEN_HARNESS: JSON.stringify(hostConfig), REDGREEN_VITEST_URL: vitestUrl },
      startTimeoutMs: options.startTimeoutMs ?? 120_000,
      writable: [runDir.dir],
    });
    const started = await starting;
    // Closed while the host was starting: it must not outlive the session.
    if (disposed) {
      started.kill();
      throw new RunnerError('the validation session was closed');
    }
    host = started;
    return host;
  }
  /** A host on its way up, which disposal waits for so that it can kill it. */
  let starting: Promise<HostProcess> | undefined;

  const toResult = (test: HostTestResult): TestResult => hostResult(test, roots);

  async function runSpecs(specs: readonly HostSpec[] | 'all', settings: Pick<HarnessProvided, 'coverage' | 'bail'>, isolate = false) {
    const provided: HarnessProvided = { ...settings, hitLimit, hitLimitMessage, runtimeGlobal, eventsFile: runDir.eventsFile };
    const running = await ensureHost();
    await writeFile(runDir.eventsFile, '').catch((error: unknown) => {
      // Closed while the host started: the run dir is gone, and the batch ends as the closed session's does.
      throw disposed ? new RunnerError('the validation session was closed', { cause: error }) : error;
    });
    busy += 1;
    try {
      return await running.request({ type: 'run', specs, provided, isolate }, { stallMs: options.candidateTimeoutMs, progressFile: runDir.eventsFile });
    } finally {
      busy -= 1;
    }
  }
  /** Runs in flight: a host closed in the middle of one is killed, not asked to finish it first. */
  let busy = 0;

  function specsFor(request: CandidateRunRequest): HostSpec[] {
    const byFile = new Map<string, TestId[]>();
    for (const id of request.tests) byFile.set(id.file, [...(byFile.get(id.file) ?? []), id]);
    return [...byFile].map(([file, ids]) => ({ active: request.active, file: join(sandbox.root, file), pattern: fullNamePattern(ids) }));
  }

  async function runBatch(requests: readonly CandidateRunRequest[], runOptions: { readonly bail?: boolean } = {}): Promise<Map<number, CandidateRun>> {
    const runs = new Map<number, CandidateRun>();
    const active = requests.filter((request) => request.tests.length > 0);
    for (const request of requests) if (request.tests.length === 0) runs.set(request.active, { status: 'complete', results: [], errors: [], durationMs: 0 });
    if (active.length === 0) return runs;
    const started = performance.now();
    const outcome = await runSpecs(active.flatMap(specsFor), { coverage: false, bail: runOptions.bail ?? false });
    const share = (performance.now() - started) / active.length;
    const alone = async (subset: readonly CandidateRunRequest[]): Promise<void> => {
      for (const request of subset) {
        const [single] = await runBatch([request], runOptions);
        if (single) runs.set(single[0], single[1]);
      }
    };
    if (outcome.status === 'reply' && outcome.reply.type === 'result') {
      const { perCandidate, unattributed } = splitReply(outcome.reply, active, roots);
      // modules are shared within a run: import-time results under one candidate would leak into the others
      const importRan = active.length > 1 && (await readHarnessEvents(runDir.eventsFile)).some((event) => event.kind === 'import');
      if ((unattributed.length > 0 || importRan) && active.length > 1) await alone(active);
      else {
        for (const request of active) {
          const own = perCandidate.get(request.active) ?? { results: [], errors: [] };
          runs.set(request.active, { status: 'complete', results: own.results, errors: [...own.errors, ...unattributed], durationMs: Math.round(share) });
        }
      }
      return runs;
    }
    if (outcome.status === 'reply') {
      const message = outcome.reply.type === 'failed' ? outcome.reply.message : `unexpected reply ${outcome.reply.type}`;
      if (active.length > 1) await alone(active);
      else for (const request of active) runs.set(request.active, { status: 'complete', results: [], errors: [message], durationMs: Math.round(share) });
      return runs;
    }
    // stalled (killed by the watchdog) or exited: the host restarts on the next run
    const durationMs = Math.round(performance.now() - started);
    if (active.length === 1 && active[0]) {
      const only = active[0];
      runs.set(
        only.active,
        outcome.status === 'stalled'
          ? { status: 'timeout', durationMs }
          : { status: 'complete', results: [], errors: [`the test framework exited: ${outcome.output.slice(-2000)}`], durationMs },
      );
      return runs;
    }
    const hanger = outcome.status === 'stalled' ? findHanger(await readHarnessEvents(runDir.eventsFile)) : undefined;
    if (hanger !== undefined && active.some((request) => request.active === hanger)) {
      runs.set(hanger, { status: 'timeout', durationMs });
      const rest = active.filter((request) => request.active !== hanger);
      for (const [id, run] of await runBatch(rest, runOptions)) runs.set(id, run);
    } else await alone(active);
    return runs;
  }

  // The load in progress, which disposal waits for before it removes the working copy.
  let inFlight: Promise<void> | undefined;
  async function loadFiles(files: ReadonlyMap<string, string>): Promise<void> {
    const changed: string[] = [];
    const write = async (file: string, text: string | undefined): Promise<void> => {
      if (disposed) return;
      if (text === undefined) await sandbox.deleteFile(file);
      else await sandbox.writeFile(file, text);
      changed.push(join(sandbox.root, file));
    };
    for (const [file, text] of files) {
      if (!originals.has(file)) originals.set(file, await sandbox.readFile(file));
      if (loaded.get(file) !== text) await write(file, text);
      loaded.set(file, text);
    }
    for (const file of [...loaded.keys()]) {
      if (files.has(file)) continue;
      await write(file, originals.get(file));
      loaded.delete(file);
    }
    if (changed.length > 0 && !disposed && host?.alive) await host.request({ type: 'invalidate', files: changed }, { stallMs: options.candidateTimeoutMs });
  }

  async function readOriginal(file: string): Promise<string | undefined> {
    return originals.has(file) ? originals.get(file) : sandbox.readFile(file);
  }

  const session: WarmSession = {
    root: sandbox.root,
    readOriginal,
    async load(files) {
      // A search that stopped early closes the session while a batch is still unwinding: its last writes must
      // not land in (or recreate) a working copy that is being removed, nor fail because it is gone.
      if (disposed) return;
      const loading = loadFiles(files);
      inFlight = loading.catch(() => undefined);
      try {
        await loading;
      } catch (error) {
        if (!disposed) throw error;
      }
    },
    async run(runOptions) {
      const runs = await runBatch([runOptions], { bail: runOptions.bail ?? false });
      return runs.get(runOptions.active) ?? { status: 'complete', results: [], errors: ['the candidate was not run'], durationMs: 0 };
    },
    runBatch,
    async coverage(coverageOptions): Promise<CoverageMatrix> {
      const specs = coverageOptions.tests ? specsFor({ active: 0, tests: coverageOptions.tests }) : 'all';
      // isolated, so that every test file loads its modules afresh and sees their module-level statements
      const outcome = await runSpecs(specs, { coverage: true, bail: false }, true);
      if (outcome.status !== 'reply' || outcome.reply.type !== 'result') {
        const why = outcome.status === 'stalled' ? `made no progress for ${options.candidateTimeoutMs} ms` : outcome.status === 'exited' ? 'exited' : 'failed';
        throw new RunnerError(`the coverage run ${why}`);
      }
      const wanted = coverageOptions.tests ? new Set(coverageOptions.tests.map(testKey)) : undefined;
      const tests = outcome.reply.tests
        .filter((test) => test.state !== 'skipped')
        .map((test) => ({ test, result: toResult(test) }))
        .filter(({ result }) => !wanted || wanted.has(testKey(result.id)))
        .map(({ test, result }) => ({
          id: result.id,
          passed: result.status === 'passed',
          statements: [...new Set(test.coverage ?? [])].sort((a, b) => a - b),
        }));
      return { sites: coverageOptions.sites, tests };
    },
    async dispose() {
      disposed = true;
      if (host?.alive && busy === 0) {
        const closing = host.request({ type: 'close' }, { stallMs: 5_000 });
        // The grace timer must not keep redgreen alive once the host has closed.
        await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      }
      host?.kill();
      // A host still starting is killed as soon as it is up (see ensureHost); waiting here, within reason,
      // means none is left running once dispose returns.
      await Promise.race([starting?.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      await inFlight;
      await removeCopies();
    },
  };
  return session;
}
