/**
 * `npm run bench:prompt`: how many prompt tokens redgreen's context selection spends per step, against
 * sending every source and test file, and how often replies applied on the first try.
 *
 * For each fixture project it runs the real loop with its recorded replies (fixtures/model-replies/, or the
 * known fix of a library fixture), and at every step builds three prompts from the same context: every file
 * of the project; the failing tests + the code they reach, all whole; and the same with the modules that are
 * not edit targets shown as declarations only (what redgreen sends). Tokens are counted with the o200k
 * tokenizer (gpt-tokenizer).
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
import { searchReplace } from '../test/helpers/replies-file.js';
import { generateProject, repoRoot } from './support/generated-project.js';

interface Measured {
  readonly project: string;
  readonly files: number;
  readonly whole: number[];
  readonly summarized: number[];
  readonly everything: number[];
  /** Files shown as declarations at the first step. */
  readonly declared: number;
  readonly firstTry: string;
}

const format = getEditFormat('search-replace');

/** Fixture projects of several modules importing each other, with their one bug and its fix. */
const libraries = [
  { name: 'vitest-library', file: 'src/discount.ts', bug: '  if (total > bulkThreshold) {', fix: '  if (total >= bulkThreshold) {' },
  { name: 'jest-library', file: 'src/calendar.js', bug: '  for (let i = 0; i < count - 1; i++) {', fix: '  for (let i = 0; i <= count - 1; i++) {' },
  {
    name: 'node-test-library',
    file: 'src/reading.js',
    bug: '  return Math.max(1, Math.floor(words / wordsPerMinute));',
    fix: '  return Math.max(1, Math.ceil(words / wordsPerMinute));',
  },
  { name: 'mocha-esm', file: 'src/pricing.js', bug: '  if (quantity > bulkThreshold) {', fix: '  if (quantity >= bulkThreshold) {' },
  {
    name: 'vitest-orders',
    file: 'src/orders.ts',
    bug: "  const shipping: Cents = region === 'domestic' && subtotal > freeShippingFrom ? 0 : parcelRate(grams, region);",
    fix: "  const shipping: Cents = region === 'domestic' && subtotal >= freeShippingFrom ? 0 : parcelRate(grams, region);",
  },
] as const;

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

interface Samples {
  readonly whole: number[];
  readonly summarized: number[];
  readonly everything: number[];
  readonly declared: number[];
}

/** Wraps a denoiser to measure the three prompts at every step before delegating. */
function measuring(inner: Denoiser, samples: Samples): Denoiser {
  return {
    name: inner.name,
    async *propose(context) {
      const base = {
        failures: context.failures,
        history: context.history,
        suggestedMode: context.suggestedMode,
        formatInstructions: format.instructions(),
        ...(context.expectations === undefined ? {} : { expectations: context.expectations }),
      };
      const chosen = await selectContext(context.project, context.failures);
      samples.whole.push(tokens(buildPrompt({ ...base, testSources: chosen.testSources, editableSources: chosen.editableSources })));
      const summarized = await selectContext(context.project, context.failures, {
        summarize: true,
        ...(context.expectations === undefined ? {} : { expectations: context.expectations }),
      });
      samples.summarized.push(tokens(buildPrompt({ ...base, ...summarized })));
      samples.declared.push(summarized.declarationSources.length);
      const all = {
        testSources: await readFiles(context, (f) => context.project.isTestFile(f)),
        editableSources: await readFiles(context, (f) => !context.project.isTestFile(f)),
      };
      samples.everything.push(tokens(buildPrompt({ ...base, ...all })));
      yield* inner.propose(context);
    },
  };
}

async function measure(project: string, dir: string, replies: { file: string } | { inline: string[] }): Promise<Measured> {
  const runner = await detectRunner(dir);
  const sandbox = await createSandbox(dir);
  const samples: Samples = { whole: [], summarized: [], everything: [], declared: [] };
  const provider = 'file' in replies ? createScriptedProvider(replies.file) : createScriptedProviderFromReplies(replies.inline);
  try {
    const result = await runLoop({
      runId: 'bench',
      sandbox,
      runner,
      denoiser: measuring(createLlmDenoiser({ provider, editFormat: format }), samples),
      reporter: combineReporters([]),
      isTestFile: (file) => isTestFile(runner.name, file),
      options: { maxSteps: 5, allowTestEdits: false, testTimeoutMs: 120_000, formatRetries: 2 },
    });
    const stats = replyStats(result.attempts);
    return {
      project,
      files: (await sandbox.listFiles()).length,
      whole: samples.whole,
      summarized: samples.summarized,
      everything: samples.everything,
      declared: samples.declared[0] ?? 0,
      firstTry: `${stats.appliedFirstTry}/${stats.steps}`,
    };
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
  for (const library of libraries) {
    const fixture = await copyFixture(library.name);
    try {
      rows.push(await measure(library.name, fixture.dir, { inline: [searchReplace(library.file, library.bug, library.fix)] }));
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

  console.log('prompt tokens per step (o200k): every file; the code the failing tests reach, whole; the same with modules');
  console.log('that are not edit targets shown as declarations only (what redgreen sends)\n');
  console.log(
    `${'project'.padEnd(24)} ${'files'.padStart(5)} ${'steps'.padStart(5)} ${'everything'.padStart(10)} ${'whole'.padStart(7)} ${'declared'.padStart(8)} ${'summaries'.padStart(9)} ${'saved'.padStart(6)}  first-try`,
  );
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  let sumWhole = 0;
  let sumSummarized = 0;
  let sumEverything = 0;
  let firstTryApplied = 0;
  let firstTrySteps = 0;
  for (const row of rows) {
    const [w, s, e] = [mean(row.whole), mean(row.summarized), mean(row.everything)];
    sumWhole += w;
    sumSummarized += s;
    sumEverything += e;
    const [applied, steps] = row.firstTry.split('/').map(Number);
    firstTryApplied += applied ?? 0;
    firstTrySteps += steps ?? 0;
    console.log(
      `${row.project.padEnd(24)} ${String(row.files).padStart(5)} ${String(row.whole.length).padStart(5)} ${e.toFixed(0).padStart(10)} ${w.toFixed(0).padStart(7)} ${String(row.declared).padStart(8)} ${s.toFixed(0).padStart(9)} ${`${((100 * (w - s)) / w).toFixed(0)}%`.padStart(6)}  ${row.firstTry}`,
    );
  }
  const n = rows.length;
  console.log(
    `\nmean over projects, tokens per step: every file ${(sumEverything / n).toFixed(0)}, reached code whole ${(sumWhole / n).toFixed(0)}, with declaration summaries ${(sumSummarized / n).toFixed(0)}`,
  );
  console.log(
    `replies applied on the first try across the fixtures: ${firstTryApplied}/${firstTrySteps} steps (${((100 * firstTryApplied) / Math.max(1, firstTrySteps)).toFixed(0)}%)`,
  );
}

await main();
