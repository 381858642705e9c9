/**
 * `npm run bench:coherence`: what the tests-first stage of `redgreen fix` costs before its baseline.
 *
 * On fixture projects it measures, per project (median of samples, in one process, TypeScript already loaded):
 *  - the parse-only pre-check (`testsNeedContractCheck`) and its answer;
 *  - the syntax comparison of uses and declarations that the pre-check adds to the name check (shape reading
 *    plus use comparison, over the same parsed files);
 *  - the full extraction, contract check and plan (`scaffoldForTests`) that the stage runs when the pre-check says yes.
 * Projects: vitest-basic (code and tests agree), tdd-tests-only after its stubs are written (agree),
 * tdd-disagree (an arity and an await that disagree), tdd-tests-only as shipped (nothing exists).
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseSource } from '../src/analysis/parse.js';
import { collectImports } from '../src/coherence/extract/bindings.js';
import { findTestFiles } from '../src/coherence/extract/find-test-files.js';
import { readDeclaredShapes } from '../src/coherence/precheck/declared-shapes.js';
import { usesDisagree } from '../src/coherence/precheck/uses-disagree.js';
import { scaffoldForTests } from '../src/coherence/scaffold-for-tests.js';
import { testsNeedContractCheck } from '../src/coherence/tests-need-contract-check.js';
import { copyFixture } from '../test/helpers/fixture-project.js';
import { median } from './support/generated-project.js';

const samples = Number(process.env.BENCH_SAMPLES ?? 9);

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push((await timed(fn)).ms);
  return median(times);
}

/** The part the pre-check adds: shapes of every module a test imports, and the comparison of each test's uses. */
async function shapeComparison(dir: string, tests: readonly string[]): Promise<void> {
  for (const test of tests) {
    const source = parseSource(test, await readFile(join(dir, test), 'utf8'));
    for (const site of collectImports(source)) {
      if (!site.specifier.startsWith('.')) continue;
      const file = join(dirname(join(dir, test)), site.specifier).replace(/\.js$/, '.ts');
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text !== undefined) usesDisagree(source, readDeclaredShapes(parseSource(file, text)));
    }
  }
}

async function measure(label: string, fixture: string, prepare?: (dir: string, tests: readonly string[]) => Promise<void>): Promise<void> {
  const project = await copyFixture(fixture);
  try {
    const tests = await findTestFiles(project.dir);
    await prepare?.(project.dir, tests);
    const answer = await testsNeedContractCheck(project.dir, tests);
    const precheck = await medianMs(() => testsNeedContractCheck(project.dir, tests));
    const added = await medianMs(() => shapeComparison(project.dir, tests));
    const full = await medianMs(() => scaffoldForTests(project.dir, tests));
    console.log(
      `${label.padEnd(40)} pre-check ${precheck.toFixed(1).padStart(6)} ms (uses vs declarations alone ${added.toFixed(1).padStart(5)} ms) → ${answer ? 'full check' : 'skip      '}; full extraction + check + plan ${full.toFixed(1).padStart(7)} ms`,
    );
  } finally {
    await project.cleanup();
  }
}

/** Writes the stubs scaffolding plans, so that code and tests agree. */
async function writeStubs(dir: string, tests: readonly string[]): Promise<void> {
  for (const file of (await scaffoldForTests(dir, tests)).files) {
    await mkdir(dirname(join(dir, file.file)), { recursive: true });
    await writeFile(join(dir, file.file), file.text);
  }
}

async function main(): Promise<void> {
  console.log(`coherence bench: ${samples} samples (median)`);
  await measure('vitest-basic (agrees)', 'vitest-basic');
  await measure('tdd-tests-only, stubs written (agrees)', 'tdd-tests-only', writeStubs);
  await measure('tdd-disagree (arity, await)', 'tdd-disagree');
  await measure('tdd-tests-only (nothing exists)', 'tdd-tests-only');
}

await main();
