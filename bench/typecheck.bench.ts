/**
 * `npm run bench:typecheck`: what the loop's type check costs.
 *
 * On a generated strict TypeScript project (60 modules, a few thousand lines) it measures, in one run:
 *  - a fresh check (opening a session: parse, bind and check everything, the baseline) versus a re-check
 *    after a one-line edit in one module's function body, and after one that changes a module's exported
 *    types (its importers are re-checked too); the ratio fresh / re-check;
 *  - the same baseline taken by the worker the loop uses (`openTypecheckWorker`): the time until it is in,
 *    thread start and compiler load included, and the main thread's share of it (what the loop waits for
 *    when the baseline is asked for at once; in a run it overlaps the baseline test run instead);
 *  - the built-in engine's type pruner per candidate (one file re-checked in memory, its importers not),
 *    next to the session's re-check per candidate, to judge whether checking the engine's candidates with the
 *    session would pay for itself;
 *  - on real projects (the JavaScript fixtures of jest, node:test and mocha, the TypeScript mocha fixture, the
 *    vitest bugs of bench/bugs), the share of the engine's candidates that add type errors to their file and
 *    the pruner's cost per candidate (JavaScript checked with `checkJs`, to see whether it would give signal);
 *  - the engine's search on the spawn path (mocha-typed) with and without pruning: candidates/s and time to the
 *    first plausible patch, and on the warm vitest path the engine's candidates/s next to the pruner's cost.
 *
 * BENCH_PART=engine runs only the last two, BENCH_PART=session only the first three.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTypePruner } from '../src/builtin/candidates/type-pruner.js';
import { openTypecheckSession } from '../src/coherence/typecheck/typecheck-session.js';
import type { TypecheckSession } from '../src/coherence/typecheck/typecheck-session.js';
import { readTypecheckConfig } from '../src/coherence/typecheck/typecheck-config.js';
import { openTypecheckWorker } from '../src/coherence/typecheck/typecheck-worker-client.js';
import { editableLine, generateTypedProject } from './support/typed-project.js';
import { median } from './support/generated-project.js';
import { engineFigures } from './support/prune-figures.js';

const modules = Number(process.env.BENCH_MODULES ?? 60);
const samples = Number(process.env.BENCH_SAMPLES ?? 7);
const candidates = Number(process.env.BENCH_CANDIDATES ?? 30);
/** The module edited: in the middle, so that it has importers. */
const edited = Math.floor(modules / 2);

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

function timeSync<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** Writes `text` to the edited module, re-checks, and writes the original back (checked too, so each sample starts equal). */
async function recheck(session: TypecheckSession, file: string, original: string, text: string): Promise<{ ms: number; introduced: number }> {
  await writeFile(file, text);
  const { value, ms } = timeSync(() => session.check([file]));
  await writeFile(file, original);
  session.check([file]);
  return { ms, introduced: value.introduced.length };
}

async function main(): Promise<void> {
  const project = await generateTypedProject(modules);
  try {
    const file = join(project.dir, 'src', `m${edited}.ts`);
    const original = await readFile(file, 'utf8');
    console.log(`typecheck bench: ${modules} modules, ${project.lines} lines, ${samples} samples (median)`);

    const fresh: number[] = [];
    let session: TypecheckSession | undefined;
    for (let i = 0; i < samples; i++) {
      const opened = timeSync(() => openTypecheckSession({ root: project.dir }));
      if (opened.value.status !== 'on') throw new Error(`no session: ${opened.value.reason}`);
      fresh.push(opened.ms);
      session = opened.value.session;
    }
    if (session === undefined) throw new Error('no samples');
    if (session.baseline.length > 0) throw new Error(`the generated project has type errors: ${session.baseline[0]?.message}`);

    const bodyEdit = original.replace(editableLine(edited), `  const scale = ${edited + 3};`);
    const typeEdit = original.replace('  readonly weight: number;', '  readonly weight: number;\n  readonly label?: string;');
    const broken = original.replace(editableLine(edited), "  const scale = 'x' as string;");
    const body: number[] = [];
    const shape: number[] = [];
    for (let i = 0; i < samples; i++) {
      body.push((await recheck(session, file, original, bodyEdit)).ms);
      shape.push((await recheck(session, file, original, typeEdit)).ms);
    }
    const found = await recheck(session, file, original, broken);
    if (found.introduced === 0) throw new Error('the re-check missed the type error it was given');

    const freshMs = median(fresh);
    console.log(`fresh check (baseline)               ${ms(freshMs)}`);
    console.log(`  the first, compiler not yet warm   ${ms(fresh[0] ?? 0)}`);
    console.log(`re-check, one-line edit in a body    ${ms(median(body))}   ratio ${(freshMs / median(body)).toFixed(1)}x`);
    console.log(`re-check, edit of an exported type   ${ms(median(shape))}   ratio ${(freshMs / median(shape)).toFixed(1)}x`);

    const inWorker: number[] = [];
    const blocked: number[] = [];
    for (let i = 0; i < Math.min(3, samples); i++) {
      const start = performance.now();
      const worker = openTypecheckWorker({ root: project.dir });
      const opened = performance.now() - start;
      const baseline = await worker.baseline;
      inWorker.push(performance.now() - start);
      blocked.push(opened);
      await worker.close();
      if (baseline.status !== 'on' || baseline.baseline.length !== session.baseline.length) throw new Error('the worker saw another baseline');
    }
    console.log(`baseline in a worker, until in       ${ms(median(inWorker))}   (a cold compiler: thread start and compiler load included; 3 samples)`);
    console.log(`  main thread blocked by opening it  ${ms(median(blocked))}`);

    const config = readTypecheckConfig(project.dir);
    if (config.status !== 'on') throw new Error(config.reason);
    const pruner = createTypePruner({ compilerOptions: config.options, rootFiles: config.rootNames });
    const first = timeSync(() => pruner.baseline(file));
    const texts = Array.from({ length: candidates }, (_, k) => original.replace(editableLine(edited), `  const scale = ${edited + 3 + k};`));
    const perCandidate = texts.map((text) => timeSync(() => pruner.accept(file, text)).ms);
    const sessionPerCandidate: number[] = [];
    for (const text of texts.slice(0, Math.min(10, candidates))) sessionPerCandidate.push((await recheck(session, file, original, text)).ms);
    console.log(`type pruner: first call (baseline)   ${ms(first.ms)}`);
    console.log(`type pruner: per candidate           ${ms(median(perCandidate))}   (${candidates} candidates, one file re-checked in memory)`);
    console.log(`session re-check per candidate       ${ms(median(sessionPerCandidate))}   (whole project, importers included, file written)`);
  } finally {
    await rm(project.dir, { recursive: true, force: true });
  }
}

const part = process.env.BENCH_PART;
if (part !== 'engine') await main();
if (part !== 'session') await engineFigures();
