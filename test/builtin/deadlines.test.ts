import { mkdir, mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchRepairs } from '../../src/builtin/engine/search-repairs.js';
import type { SearchOptions, SearchResult } from '../../src/builtin/engine/search-repairs.js';
import { createRunner } from '../../src/runner/runner-registry.js';
import type { TestId } from '../../src/core/test-report.js';
import { copyFixture } from '../helpers/fixture-project.js';
import type { FixtureProject } from '../helpers/fixture-project.js';

/**
 * Every deadline path of the built-in engine: the search is stopped by its deadline (or by an abort) at many
 * points — before it starts, while the warm session starts, during coverage, during generation, mid-batch,
 * during a spawned per-candidate run — and must return, not throw or hang (the test would time out), with
 * its sandboxes and run dirs removed and no process of it left. The search keeps 4 s of the deadline for the
 * loop's verification, so the offsets below are past that reserve.
 */
const reserveMs = 4_000;

let privateTmp: string;
let savedTmp: string | undefined;

beforeAll(async () => {
  // The search's sandboxes, run dirs and warm hosts all live under os.tmpdir(): a private one shows leftovers.
  privateTmp = await mkdtemp(join(tmpdir(), 'redgreen-deadlines-'));
  savedTmp = process.env.TMPDIR;
});
afterAll(async () => {
  restoreTmp();
  await rm(privateTmp, { recursive: true, force: true });
});

function restoreTmp(): void {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
}

interface Prepared {
  readonly project: FixtureProject;
  readonly options: Omit<SearchOptions, 'deadline'>;
}

/** A fixture copy (outside the private temp dir), its baseline, and the search options for its bug. */
async function prepare(fixture: string, runner: string, source: string, testFile: string): Promise<Prepared> {
  const project = await copyFixture(fixture);
  const baseline = await createRunner(runner).run(project.dir, { timeoutMs: 60_000 });
  const failing = baseline.results.filter((result) => result.status === 'failed');
  expect(failing.length).toBeGreaterThan(0);
  return {
    project,
    options: {
      root: project.dir,
      runner,
      files: new Map([[source, await readFile(join(project.dir, source), 'utf8')]]),
      testSources: new Map([[testFile, await readFile(join(project.dir, testFile), 'utf8')]]),
      failing,
      allTests: baseline.results.map((r): TestId => r.id),
      testTimeoutMs: 10_000,
      baselineMs: baseline.durationMs,
      maxPlausible: 1,
    },
  };
}

/** Runs one search with its own temp dir, then checks that nothing of it is left on disk or running. */
async function searchAndCheck(prepared: Prepared, name: string, deadline: number, abortAfterMs?: number): Promise<SearchResult> {
  const tmp = join(privateTmp, name);
  await mkdir(tmp);
  process.env.TMPDIR = tmp;
  const controller = new AbortController();
  const timer = abortAfterMs === undefined ? undefined : setTimeout(() => controller.abort(), abortAfterMs);
  try {
    const result = await searchRepairs({ ...prepared.options, deadline, signal: controller.signal });
    expect(await redgreenLeftovers(tmp), name).toEqual([]);
    expect(await processesLeft(tmp), name).toEqual([]);
    return result;
  } finally {
    clearTimeout(timer);
    restoreTmp();
  }
}

/** redgreen's own dirs and markers left in a temp dir (a framework's cache, such as jest's, is not ours). */
async function redgreenLeftovers(tmp: string): Promise<string[]> {
  return (await readdir(tmp)).filter((name) => name.startsWith('redgreen-'));
}

/**
 * The processes under `dir` once the kernel has carried out the kills (a killed process group dies when next
 * scheduled, not when `kill` returns): polled for a few seconds, so only a process that escaped remains.
 */
async function processesLeft(dir: string): Promise<string[]> {
  let left = await processesUsing(dir);
  for (let i = 0; i < 50 && left.length > 0; i++) {
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
    left = await processesUsing(dir);
  }
  return left;
}

/** Live processes whose working directory or command line lies under `dir`. */
async function processesUsing(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // A zombie has exited; only its entry waits to be reaped.
    if (stat === '' || /^\d+ \(.*\) Z /.test(stat)) continue;
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '');
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').join(' ');
    if (cwd.startsWith(dir) || cmdline.includes(dir)) found.push(`${pid} ${cmdline}`);
  }
  return found;
}

describe.skipIf(process.platform !== 'linux')('the built-in search at every deadline', () => {
  describe('on the warm vitest session', () => {
    let prepared: Prepared;
    beforeAll(async () => {
      prepared = await prepare('vitest-candidates', 'vitest', 'src/math.ts', 'test/math.test.ts');
    }, 120_000);
    afterAll(() => prepared.project.cleanup());

    it('returns at once, starting nothing, when the deadline has passed', async () => {
      const result = await searchAndCheck(prepared, 'vitest-past', Date.now() - 1_000);
      expect(result).toMatchObject({ stopped: 'deadline', tried: 0, generated: 0, plausible: [] });
    });

    // From "while the session starts" through coverage and generation to mid-batch.
    it.each([0, 100, 300, 600, 1_000, 1_500, 2_000, 2_500, 3_000, 4_000])(
      'stops cleanly %i ms past the reserve',
      async (offset) => {
        const result = await searchAndCheck(prepared, `vitest-${offset}`, Date.now() + reserveMs + offset);
        expect(result.stopped === 'deadline' || result.plausible.length > 0, JSON.stringify(result)).toBe(true);
      },
      60_000,
    );

    it.each([50, 400, 1_200, 2_500])(
      'stops cleanly when aborted after %i ms',
      async (abortAfterMs) => {
        const result = await searchAndCheck(prepared, `vitest-abort-${abortAfterMs}`, Date.now() + 60_000, abortAfterMs);
        expect(result.stopped === 'interrupted' || result.plausible.length > 0, JSON.stringify(result)).toBe(true);
      },
      60_000,
    );

    it('still finds the fix given the time', async () => {
      const result = await searchAndCheck(prepared, 'vitest-ample', Date.now() + 90_000);
      expect(result.stopped).toBeUndefined();
      expect(result.plausible.length).toBeGreaterThan(0);
    }, 120_000);
  });

  describe('spawning jest per candidate', () => {
    let prepared: Prepared;
    beforeAll(async () => {
      prepared = await prepare('jest-basic', 'jest', 'src/strings.js', '__tests__/strings.test.js');
    }, 120_000);
    afterAll(() => prepared.project.cleanup());

    it.each([0, 300, 1_000, 2_000, 3_500])(
      'stops cleanly %i ms past the reserve',
      async (offset) => {
        const result = await searchAndCheck(prepared, `jest-${offset}`, Date.now() + reserveMs + offset);
        expect(result.stopped === 'deadline' || result.plausible.length > 0, JSON.stringify(result)).toBe(true);
      },
      60_000,
    );

    it.each([100, 1_500])(
      'stops cleanly when aborted after %i ms',
      async (abortAfterMs) => {
        const result = await searchAndCheck(prepared, `jest-abort-${abortAfterMs}`, Date.now() + 60_000, abortAfterMs);
        expect(result.stopped === 'interrupted' || result.plausible.length > 0, JSON.stringify(result)).toBe(true);
      },
      60_000,
    );
  });
});
