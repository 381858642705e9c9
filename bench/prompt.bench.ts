/**
 * `npm run bench:prompt`: how many prompt tokens redgreen's context selection spends per step, against
 * sending every source and test file, and how often replies applied on the first try.
 *
 * For each fixture project it runs the real loop with its recorded replies (fixtures/model-replies/), and at
 * every step builds both prompts from the same context: the one redgreen sends (failing tests + the code they
 * reach) and one with every file of the project. Tokens are counted with the o200k tokenizer (gpt-tokenizer).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { encode } from 'gpt-tokenizer';
import type { DenoiseContext, Denoiser } from '../src/core/denoiser.js';
import { createLlmDenoiser } from '../src/denoise/llm-denoiser.js';
import { getEditFormat } from '../src/edit/edit-formats.js';
import { combineReporters } from '../src/core/events.js';
import type { SourceFile } from '../src/denoise/prompt.js';
import { buildPrompt } from '../src/denoise/prompt.js';
import { replyStats } from '../src/loop/reply-stats.js';
import { runLoop } from '../src/loop/run-loop.js';
import { selectContext } from '../src/denoise/select-context.js';
import { createScriptedProvider, createScriptedProviderFromReplies } from '../src/provider/scripted-provider.js';
import { detectRunner, isTestFile } from '../src/runner/runner-registry.js';
import { createSandbox } from '../src/workspace/sandbox.js';
import { copyFixture, copyProject } from '../test/helpers/fixture-project.js';
import { generateProject, repoRoot } from './support/generated-project.js';

interface Measured {
  readonly project: string;
  readonly files: number;
  readonly selected: number[];
  readonly everything: number[];
  readonly firstTry: string;
}

const format = getEditFormat('search-replace');

function tokens(messages: readonly { content: string }[]): number {
  return messages.reduce((sum, m) => sum + encode(m.content).length, 0);
}

async function readFiles(context: DenoiseContext, filter: (file: string) => boolean): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const path of context.project.files.filter(filter)) {
    if (/\.(json|md|lock)$/.test(path) || path.startsWith('.')) continue;
    const text = await context.project.read(path);
    if (text !== undefined) out.push({ path, text });
  }
  return out;
}

/** Wraps a denoiser to measure both prompts at every step before delegating. */
function measuring(inner: Denoiser, selected: number[], everything: number[]): Denoiser {
  return {
    name: inner.name,
    async *propose(context) {
      const base = { failures: context.failures, history: context.history, suggestedMode: context.suggestedMode, formatInstructions: format.instructions() };
      const chosen = await selectContext(context.project, context.failures);
      selected.push(tokens(buildPrompt({ ...base, testSources: chosen.testSources, editableSources: chosen.editableSources })));
      const all = {
        testSources: await readFiles(context, (f) => context.project.isTestFile(f)),
        editableSources: await readFiles(context, (f) => !context.project.isTestFile(f)),
      };
      everything.push(tokens(buildPrompt({ ...base, ...all })));
      yield* inner.propose(context);
    },
  };
}

async function measure(project: string, dir: string, replies: { file: string } | { inline: string[] }): Promise<Measured> {
  const runner = await detectRunner(dir);
  const sandbox = await createSandbox(dir);
  const selected: number[] = [];
  const everything: number[] = [];
  const provider = 'file' in replies ? createScriptedProvider(replies.file) : createScriptedProviderFromReplies(replies.inline);
  try {
    const result = await runLoop({
      runId: 'bench',
      sandbox,
      runner,
      denoiser: measuring(createLlmDenoiser({ provider, editFormat: format }), selected, everything),
      reporter: combineReporters([]),
      isTestFile: (file) => isTestFile(runner.name, file),
      options: { maxSteps: 5, allowTestEdits: false, testTimeoutMs: 120_000, formatRetries: 2 },
    });
    const stats = replyStats(result.attempts);
    return { project, files: (await sandbox.listFiles()).length, selected, everything, firstTry: `${stats.appliedFirstTry}/${stats.steps}` };
  } finally {
    await sandbox.dispose();
  }
}

async function main(): Promise<void> {
  const rows: Measured[] = [];
  const recorded = (name: string) => ({ file: join(repoRoot, 'fixtures', 'model-replies', `${name}-fix.json`) });
  for (const name of ['vitest-basic', 'jest-basic', 'node-test-basic']) {
    const fixture = await copyFixture(name);
    try {
      rows.push(await measure(name, fixture.dir, recorded(name)));
    } finally {
      await fixture.cleanup();
    }
  }
  const pricing = await copyProject(join(repoRoot, 'examples', 'pricing'));
  try {
    rows.push(await measure('examples/pricing', pricing.dir, { file: join(repoRoot, 'examples', 'pricing-replies.json') }));
  } finally {
    await pricing.cleanup();
  }
  const generated = await generateProject({ modules: 40, testsPerModule: 5, buggyModule: 7 });
  try {
    const fix =
      'The offset is subtracted instead of added.\n\nsrc/m7.ts\n```ts\n<<<<<<< SEARCH\n  return x - 7;\n=======\n  return x + 7;\n>>>>>>> REPLACE\n```\n';
    rows.push(await measure('generated (40 modules)', generated, { inline: [fix] }));
  } finally {
    await rm(generated, { recursive: true, force: true });
  }

  console.log('prompt tokens per step (o200k): redgreen context selection vs every source and test file\n');
  console.log(
    `${'project'.padEnd(24)} ${'files'.padStart(5)} ${'steps'.padStart(5)} ${'selected'.padStart(9)} ${'everything'.padStart(10)} ${'ratio'.padStart(7)}  first-try`,
  );
  let sumSelected = 0;
  let sumEverything = 0;
  let firstTryApplied = 0;
  let firstTrySteps = 0;
  for (const row of rows) {
    const s = row.selected.reduce((a, b) => a + b, 0) / Math.max(1, row.selected.length);
    const e = row.everything.reduce((a, b) => a + b, 0) / Math.max(1, row.everything.length);
    sumSelected += s;
    sumEverything += e;
    const [applied, steps] = row.firstTry.split('/').map(Number);
    firstTryApplied += applied ?? 0;
    firstTrySteps += steps ?? 0;
    console.log(
      `${row.project.padEnd(24)} ${String(row.files).padStart(5)} ${String(row.selected.length).padStart(5)} ${s.toFixed(0).padStart(9)} ${e.toFixed(0).padStart(10)} ${(e / s).toFixed(2).padStart(6)}×  ${row.firstTry}`,
    );
  }
  console.log(
    `\nmean over projects: ${(sumSelected / rows.length).toFixed(0)} vs ${(sumEverything / rows.length).toFixed(0)} tokens per step (${(sumEverything / sumSelected).toFixed(2)}×)`,
  );
  console.log(
    `replies applied on the first try across the recorded fixtures: ${firstTryApplied}/${firstTrySteps} steps (${((100 * firstTryApplied) / Math.max(1, firstTrySteps)).toFixed(0)}%)`,
  );
}

await main();
