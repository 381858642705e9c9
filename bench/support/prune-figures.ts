/**
 * The type pruner on the built-in engine's own candidates, on real projects (part of `npm run bench:typecheck`).
 */
import { mkdtemp, readFile, readdir, rm, symlink, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { generateCandidates } from '../../src/builtin/candidates/generate-candidates.js';
import { createTypePruner } from '../../src/builtin/candidates/type-pruner.js';
import type { SearchProgress } from '../../src/builtin/engine/search-repairs.js';
import { searchRepairs } from '../../src/builtin/engine/search-repairs.js';
import { instrumentCoverage } from '../../src/builtin/localize/instrument-coverage.js';
import { rankStatements } from '../../src/builtin/localize/rank-statements.js';
import { applyCandidate } from '../../src/builtin/schemata/apply-changes.js';
import type { StatementSite } from '../../src/builtin/types.js';
import { readTypecheckConfig } from '../../src/coherence/typecheck/typecheck-config.js';
import type { TestId } from '../../src/core/test-report.js';
import { createRunner } from '../../src/runner/runner-registry.js';
import { median, repoRoot } from './generated-project.js';

const fixtures = ['jest-basic', 'node-test-basic', 'mocha-esm', 'jest-library', 'mocha-typed'];
const bugCount = Number(process.env.BENCH_BUGS ?? 16);

/** What a project without a tsconfig.json would be checked with: strict TypeScript, or `checkJs` for JavaScript. */
function fallbackOptions(javascript: boolean): ts.CompilerOptions {
  const common = {
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  };
  return javascript ? { ...common, allowJs: true, checkJs: true } : { ...common, strict: true };
}

async function sourceFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const folder of ['src', 'lib']) {
    const entries = await readdir(join(dir, folder), { recursive: true }).catch(() => []);
    for (const entry of entries) if (/\.(c|m)?(j|t)s$/.test(entry) && !entry.endsWith('.d.ts')) found.push(`${folder}/${entry}`);
  }
  return found;
}

interface ProjectFigures {
  readonly name: string;
  readonly config: string;
  readonly candidates: number;
  readonly pruned: number;
  readonly perCheckMs: number;
  readonly baselineMs: number;
}

/** Every candidate the engine generates over every statement of the project (file order), checked by the pruner. */
async function pruneShare(name: string, dir: string): Promise<ProjectFigures> {
  const relative = await sourceFiles(dir);
  const files = new Map<string, string>();
  for (const file of relative) files.set(file, await readFile(join(dir, file), 'utf8'));
  const config = readTypecheckConfig(dir);
  const javascript = relative.every((file) => /\.(c|m)?js$/.test(file));
  const options = config.status === 'on' ? config.options : fallbackOptions(javascript);
  const rootFiles = config.status === 'on' ? config.rootNames : relative.map((file) => join(dir, file));
  const pruner = createTypePruner({ compilerOptions: options, rootFiles });
  const sites: StatementSite[] = [];
  for (const [file, text] of files) sites.push(...instrumentCoverage(file, text, sites.length).sites);
  const suspicious = rankStatements({ sites, failing: [], importedFiles: relative });
  const candidates = generateCandidates(files, suspicious, { maxCandidates: 2000 });
  const firstFile = join(dir, relative[0] ?? '');
  const start = performance.now();
  pruner.baseline(firstFile);
  const baselineMs = performance.now() - start;
  const times: number[] = [];
  let pruned = 0;
  for (const candidate of candidates) {
    const applied = applyCandidate(files, candidate);
    if (applied.status !== 'applied') continue;
    const began = performance.now();
    const rejected = [...applied.files].some(([file, text]) => !pruner.accept(join(dir, file), text));
    times.push(performance.now() - began);
    if (rejected) pruned += 1;
  }
  const label = config.status === 'on' ? 'tsconfig.json' : javascript ? 'none (checkJs)' : 'none (strict)';
  return { name, config: label, candidates: candidates.length, pruned, perCheckMs: median(times), baselineMs };
}

async function copyProject(sourceDir: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `redgreen-bench-prune-${basename(sourceDir)}-`));
  await cp(sourceDir, dir, { recursive: true });
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

interface SearchFigures {
  readonly tried: number;
  readonly pruned: number;
  readonly elapsedMs: number;
  readonly firstPlausibleMs: number | undefined;
}

/** The engine's search on a copy of `sourceDir`, as the loop would start it after a baseline run. */
async function timedSearch(sourceDir: string, runner: string, file: string, typePruning: boolean): Promise<SearchFigures> {
  const project = await copyProject(sourceDir);
  try {
    const baseline = await createRunner(runner).run(project.dir, { timeoutMs: 60_000 });
    const failing = baseline.results.filter((result) => result.status === 'failed');
    let firstPlausibleMs: number | undefined;
    const onProgress = (p: SearchProgress) => {
      if (p.plausible > 0 && firstPlausibleMs === undefined) firstPlausibleMs = p.elapsedMs;
    };
    const result = await searchRepairs({
      root: project.dir,
      runner,
      files: new Map([[file, await readFile(join(project.dir, file), 'utf8')]]),
      testSources: new Map(),
      failing,
      allTests: baseline.results.map((r): TestId => r.id),
      deadline: Date.now() + 300_000,
      testTimeoutMs: 20_000,
      baselineMs: baseline.durationMs,
      maxPlausible: 1,
      typePruning,
      onProgress,
    });
    return { tried: result.tried, pruned: result.pruned, elapsedMs: result.elapsedMs, firstPlausibleMs };
  } finally {
    await project.cleanup();
  }
}

function line(figures: SearchFigures, label: string): string {
  const rate = (figures.tried / (figures.elapsedMs / 1000)).toFixed(2);
  const first = figures.firstPlausibleMs === undefined ? 'none' : `${(figures.firstPlausibleMs / 1000).toFixed(1)} s`;
  return `  ${label.padEnd(22)} ${String(figures.tried).padStart(4)} tried, ${String(figures.pruned).padStart(3)} pruned, ${rate} candidates/s, first plausible ${first}`;
}

export async function engineFigures(): Promise<void> {
  console.log("\nthe engine's candidates (all statements, file order) checked by the type pruner");
  console.log('  project                  config            candidates  add type errors   per check   first check');
  const bugs = (await readdir(join(repoRoot, 'bench', 'bugs'))).sort().slice(0, bugCount);
  const projects = [
    ...fixtures.map((f) => [f, join(repoRoot, 'fixtures', 'projects', f)] as const),
    ...bugs.map((b) => [`bugs/${b}`, join(repoRoot, 'bench', 'bugs', b)] as const),
  ];
  const all: ProjectFigures[] = [];
  for (const [name, dir] of projects) {
    const figures = await pruneShare(name, dir);
    all.push(figures);
    const share = figures.candidates === 0 ? 0 : (100 * figures.pruned) / figures.candidates;
    console.log(
      `  ${name.padEnd(24)} ${figures.config.padEnd(17)} ${String(figures.candidates).padStart(10)}  ${String(figures.pruned).padStart(5)} (${share.toFixed(1).padStart(4)}%)   ${figures.perCheckMs.toFixed(1).padStart(6)} ms   ${figures.baselineMs.toFixed(0).padStart(6)} ms`,
    );
  }
  const vitestBugs = all.filter((f) => f.name.startsWith('bugs/'));
  const total = vitestBugs.reduce((n, f) => n + f.candidates, 0);
  const prunedBugs = vitestBugs.reduce((n, f) => n + f.pruned, 0);
  console.log(`  bench bugs together: ${prunedBugs} of ${total} candidates add type errors (${((100 * prunedBugs) / Math.max(1, total)).toFixed(1)}%)`);

  console.log("\nthe engine's search, spawn path (mocha-typed: mocha spawned per candidate)");
  const typed = join(repoRoot, 'fixtures', 'projects', 'mocha-typed');
  const withPruning = await timedSearch(typed, 'mocha', 'src/invoice.ts', true);
  const without = await timedSearch(typed, 'mocha', 'src/invoice.ts', false);
  console.log(line(withPruning, 'with type pruning'));
  console.log(line(without, 'without'));
  console.log("the engine's search, warm path (vitest, bugs/01-binary-search; never pruned)");
  const warm = await timedSearch(join(repoRoot, 'bench', 'bugs', '01-binary-search'), 'vitest', 'src/search.ts', true);
  console.log(line(warm, 'warm session'));
  const warmPerCandidate = warm.elapsedMs / Math.max(1, warm.tried);
  console.log(
    `  warm: ${warmPerCandidate.toFixed(0)} ms per candidate (search overhead included) against ${median(vitestBugs.map((f) => f.perCheckMs)).toFixed(1)} ms per type check`,
  );
}
