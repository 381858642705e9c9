import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ValidationSession } from '../../src/builtin/harness/validation-session.js';
import { createValidationSession } from '../../src/builtin/harness/validation-session.js';
import { createRunner } from '../../src/runner/runner-registry.js';
import type { CandidateVerdict } from '../../src/builtin/types.js';
import type { TestId } from '../../src/core/test-report.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { processesMentioning } from '../runner/runner-processes.js';
import { candidateFactory } from './candidates.js';

const clampTests: TestId[] = [
  { file: 'test/math.test.ts', name: 'clamp > keeps values inside the range' },
  { file: 'test/math.test.ts', name: 'clamp > lowers values above the range' },
  { file: 'test/math.test.ts', name: 'clamp > raises values below the range' },
];
const countdownTests: TestId[] = [{ file: 'test/math.test.ts', name: 'countdown > counts down to one' }];
const configTests: TestId[] = [
  { file: 'test/config.test.ts', name: 'parses a range' },
  { file: 'test/config.test.ts', name: 'has a default range' },
];

async function collect(iterable: AsyncIterable<CandidateVerdict>): Promise<Map<number, CandidateVerdict>> {
  const verdicts = new Map<number, CandidateVerdict>();
  for await (const verdict of iterable) verdicts.set(verdict.candidate, verdict);
  return verdicts;
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const sub of ['src', 'test'])
    for (const name of await readdir(join(dir, sub))) files.set(`${sub}/${name}`, await readFile(join(dir, sub, name), 'utf8'));
  files.set('package.json', await readFile(join(dir, 'package.json'), 'utf8'));
  return files;
}

describe('the warm vitest validation session', () => {
  let project: FixtureProject;
  let session: ValidationSession;
  let before: Map<string, string>;

  beforeAll(async () => {
    project = await copyFixture('vitest-candidates');
    before = await snapshot(project.dir);
    session = await createValidationSession(createRunner('vitest'), {
      projectDir: project.dir,
      testTimeoutMs: 10_000,
      candidateTimeoutMs: 8_000,
      hitLimit: 100_000,
    });
  }, 180_000);

  afterAll(async () => {
    await session?.dispose();
    await project?.cleanup();
  }, 60_000);

  it('tries each candidate alone when one makes the shared schemata unloadable', async () => {
    const math = await candidateFactory(project.dir, 'src/math.ts');
    // The framework's parser rejects `??` mixed with `&&` unparenthesized; TypeScript's parser alone lets it through.
    const broken = math.candidate(math.change('value < min', 'value < min && min ?? max'));
    const fix = math.candidate(math.change('value < max', 'value > max'));
    const verdicts = await collect(session.validate([broken, fix], () => clampTests));
    expect(verdicts.get(fix.id)).toMatchObject({ status: 'plausible', passed: 3 });
    expect(verdicts.get(broken.id)?.status).toBe('error');
  });

  it('finds the plausible candidate and names the failing test of the others', async () => {
    const math = await candidateFactory(project.dir, 'src/math.ts');
    const fix = math.candidate(math.change('value < max', 'value > max'));
    const wrong = math.candidate(math.change('value < min', 'value > min'));
    const noop = math.candidate(math.change('return value;', 'return value;', 'statement'));
    const verdicts = await collect(session.validate([fix, wrong, noop], () => clampTests));
    expect(verdicts.get(fix.id)).toMatchObject({ status: 'plausible', passed: 3 });
    expect(verdicts.get(wrong.id)).toMatchObject({ status: 'failed' });
    expect(verdicts.get(noop.id)).toMatchObject({ status: 'failed', failedTest: clampTests[0] });
  }, 120_000);

  it('stops a test file at its first failure when asked to bail', async () => {
    await session.load(new Map());
    const bailing = await session.run({ active: 0, tests: clampTests, bail: true });
    const all = await session.run({ active: 0, tests: clampTests, bail: false });
    if (bailing.status !== 'complete' || all.status !== 'complete') throw new Error('expected complete runs');
    expect(all.results.filter((r) => r.status === 'failed')).toHaveLength(2);
    expect(bailing.results.filter((r) => r.status === 'failed')).toHaveLength(1);
    expect(bailing.results.filter((r) => r.status === 'skipped').length).toBeGreaterThan(0);
  }, 120_000);

  it('cuts off a loop with the hit counter and goes on with the next candidate', async () => {
    const math = await candidateFactory(project.dir, 'src/math.ts');
    const hang = math.candidate(math.change('n--;', '', 'statement'));
    const fix = math.candidate(math.change('value < max', 'value > max'));
    const verdicts = await collect(session.validate([hang, fix], (c) => (c.id === hang.id ? countdownTests : clampTests)));
    expect(verdicts.get(hang.id)?.status).toBe('timeout');
    expect(verdicts.get(fix.id)?.status).toBe('plausible');
  }, 120_000);

  it('kills and restarts the session for a candidate that blocks without ticking', async () => {
    const math = await candidateFactory(project.dir, 'src/math.ts');
    // a synchronous block no tick can see
    const block = math.candidate(math.change('value < min', '(Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000), value < min)'));
    const fix = math.candidate(math.change('value < max', 'value > max'));
    const started = Date.now();
    const verdicts = await collect(session.validate([block, fix], () => clampTests));
    expect(verdicts.get(block.id)?.status).toBe('timeout');
    expect(verdicts.get(fix.id)?.status).toBe('plausible');
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 180_000);

  it('reports a candidate that throws at import as an error and goes on', async () => {
    const config = await candidateFactory(project.dir, 'src/config.ts');
    const boom = config.candidate(config.insertAfter("export const defaultRange = parseRange('0..10');", "\nthrow new Error('boom at import');"));
    const fine = config.candidate(config.change("'0..10'", "'0..10'"));
    const verdicts = await collect(session.validate([boom, fine], () => configTests));
    const verdict = verdicts.get(boom.id);
    expect(verdict?.status).toBe('error');
    expect(verdict?.status === 'error' ? verdict.message : '').toContain('boom at import');
    expect(verdicts.get(fine.id)).toMatchObject({ status: 'plausible' });
  }, 120_000);

  it('keeps candidates apart when an instrumented function runs while a module loads', async () => {
    const config = await candidateFactory(project.dir, 'src/config.ts');
    const shifted = config.candidate(config.change('Number(max)', 'Number(max) + 1'));
    const same = config.candidate(config.change('Number(min)', 'Number(min)'));
    const verdicts = await collect(session.validate([shifted, same], () => configTests));
    expect(verdicts.get(shifted.id)?.status).toBe('failed');
    expect(verdicts.get(same.id)?.status).toBe('plausible');
  }, 120_000);

  it('collects the statements each test executed', async () => {
    const instrumented = `var __rg = globalThis.__redgreen || (globalThis.__redgreen = { active: 0, cov() {}, tick() {} });
export function parseRange(text: string): { min: number; max: number } {
  __rg.cov(1);
  const [min = '0', max = '0'] = text.split('..');
  __rg.cov(2);
  return { min: Number(min), max: Number(max) };
}
__rg.cov(0);
export const defaultRange = parseRange('0..10');
`;
    await session.load(new Map([['src/config.ts', instrumented]]));
    const matrix = await session.coverage({ sites: [], tests: configTests });
    await session.load(new Map());
    const byName = new Map(matrix.tests.map((test) => [test.id.name, test]));
    expect(byName.get('parses a range')).toMatchObject({ passed: true, statements: [0, 1, 2] });
    expect(byName.get('has a default range')).toMatchObject({ passed: true, statements: [0, 1, 2] });
    const all = await session.coverage({ sites: [] });
    expect(all.tests.map((test) => test.id.name).sort()).toEqual([
      'clamp > keeps values inside the range',
      'clamp > lowers values above the range',
      'clamp > raises values below the range',
      'countdown > counts down to one',
      'has a default range',
      'parses a range',
    ]);
    expect(all.tests.find((test) => test.id.name === 'clamp > lowers values above the range')?.passed).toBe(false);
  }, 120_000);

  it('never writes to the project it was given', async () => {
    expect(await snapshot(project.dir)).toEqual(before);
  });
});

/** Whether a process still runs (a killed one not yet reaped by its parent does not). */
function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('disposing a session', () => {
  it('leaves no process behind', async () => {
    const project = await copyFixture('vitest-candidates');
    try {
      const session = await createValidationSession(createRunner('vitest'), { projectDir: project.dir, testTimeoutMs: 10_000, candidateTimeoutMs: 8_000 });
      await session.run({ active: 0, tests: configTests });
      const root = session.root;
      // the host and its workers run in the session's copy of the project
      const pids = processesMentioning(root).map((line) => Number.parseInt(line, 10));
      expect(pids.length).toBeGreaterThan(0);
      await session.dispose();
      await expect(readdir(root)).rejects.toThrow();
      await vi.waitFor(() => expect(pids.filter(isAlive)).toEqual([]), { timeout: 5_000 });
    } finally {
      await project.cleanup();
    }
  }, 180_000);
});
