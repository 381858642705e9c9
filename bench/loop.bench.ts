/**
 * `npm run bench:loop`: what one verify step costs.
 *
 * On a generated vitest project (40 modules, 200 tests, one bug breaking 2 tests) it measures, in one run:
 *  - the median time of re-running only the failed tests versus a cold full-suite run of the same runner;
 *  - the loop's own overhead per step, excluding the proposer: each step's wall time minus the denoiser's
 *    time (and, shown apart, minus the test runner's time too).
 */
import { rm } from 'node:fs/promises';
import type { Denoiser } from '../src/core/denoiser.js';
import { createLlmDenoiser } from '../src/denoise/llm-denoiser.js';
import { getEditFormat } from '../src/edit/edit-formats.js';
import { combineReporters } from '../src/core/events.js';
import { runLoop } from '../src/loop/run-loop.js';
import { createScriptedProviderFromReplies } from '../src/provider/scripted-provider.js';
import { createRunner, isTestFile } from '../src/runner/runner-registry.js';
import type { TestRunner } from '../src/core/test-runner.js';
import { failingResults } from '../src/core/attempts.js';
import { createSandbox } from '../src/workspace/sandbox.js';
import { generateProject, median } from './support/generated-project.js';

const modules = 40;
const testsPerModule = 5;
const buggyModule = 7;
const samples = Number(process.env.BENCH_SAMPLES ?? 5);
const loopSteps = Number(process.env.BENCH_STEPS ?? 5);

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Wraps a runner to add up the time spent inside it. */
function timedRunner(runner: TestRunner, spent: number[]): TestRunner {
  return {
    name: runner.name,
    run: async (cwd, options) => {
      const start = performance.now();
      try {
        return await runner.run(cwd, options);
      } finally {
        spent.push(performance.now() - start);
      }
    },
  };
}

function timedDenoiser(denoiser: Denoiser, spent: number[]): Denoiser {
  return {
    name: denoiser.name,
    async *propose(context) {
      const start = performance.now();
      for await (const proposal of denoiser.propose(context)) {
        spent.push(performance.now() - start);
        yield proposal;
        return;
      }
    },
  };
}

async function main(): Promise<void> {
  const dir = await generateProject({ modules, testsPerModule, buggyModule });
  const runner = createRunner('vitest');
  try {
    const baseline = await runner.run(dir, { timeoutMs: 120_000 });
    const failing = failingResults(baseline).map((r) => r.id);
    console.log(`project: ${modules} modules, ${baseline.results.length} tests, ${failing.length} failing (vitest, ${samples} samples each)`);

    const full: number[] = [];
    const subset: number[] = [];
    for (let i = 0; i < samples; i++) {
      full.push(await time(() => runner.run(dir, { timeoutMs: 120_000 })));
      subset.push(await time(() => runner.run(dir, { tests: failing, timeoutMs: 120_000 })));
    }
    const fullMedian = median(full);
    const subsetMedian = median(subset);

    const sandbox = await createSandbox(dir);
    const runnerSpent: number[] = [];
    const proposerSpent: number[] = [];
    // Each reply applies cleanly but fixes nothing, so every step runs apply → verify (failed tests) → select → revert.
    const replies = Array.from(
      { length: loopSteps },
      (_, i) =>
        `Trying.\n\nsrc/m${buggyModule}.ts\n\`\`\`ts\n<<<<<<< SEARCH\n/** Adds the module's offset. */\n=======\n/** Adds the module's offset (attempt ${i}). */\n>>>>>>> REPLACE\n\`\`\`\n`,
    );
    const denoiser = timedDenoiser(
      createLlmDenoiser({ provider: createScriptedProviderFromReplies(replies), editFormat: getEditFormat('search-replace') }),
      proposerSpent,
    );
    const result = await runLoop({
      runId: 'bench',
      sandbox,
      runner: timedRunner(runner, runnerSpent),
      denoiser,
      reporter: combineReporters([]),
      isTestFile: (file) => isTestFile('vitest', file),
      options: { maxSteps: loopSteps, allowTestEdits: false, testTimeoutMs: 120_000, formatRetries: 0 },
    });
    await sandbox.dispose();
    const steps = result.attempts.map((a) => a.durationMs);
    const stepRunner = runnerSpent.slice(1); // the first run is the loop's baseline
    const perStepExclProposer = steps.map((ms, i) => ms - (proposerSpent[i] ?? 0));
    const overhead = perStepExclProposer.map((ms, i) => ms - (stepRunner[i] ?? 0));

    const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
    console.log('');
    console.log(`cold full-suite run (median)          ${fmt(fullMedian)}`);
    console.log(`re-run of the failed tests (median)   ${fmt(subsetMedian)}`);
    console.log(`full / failed-only ratio              ${(fullMedian / subsetMedian).toFixed(2).padStart(9)}×`);
    console.log('');
    console.log(`loop steps measured                   ${steps.length.toString().padStart(9)}`);
    console.log(`step excluding the proposer (median)  ${fmt(median(perStepExclProposer))}`);
    console.log(`  of which the test runner (median)   ${fmt(median(stepRunner))}`);
    console.log(`loop overhead per step (median)       ${fmt(median(overhead))}   (apply, syntax check, diff, select, revert)`);
    console.log(`proposer per step (median)            ${fmt(median(proposerSpent))}   (scripted: context selection + prompt + parse)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
