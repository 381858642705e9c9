/**
 * Grows the bug corpus by seeding defects into a correct program.
 *
 *   npx tsx scripts/seed-bugs.ts --from bench/seeds/rpn-calculator [--out bench/bugs] [--max 10] [--dry-run]
 *
 * The program dir holds src/, test/ and heldout/ and its visible and held-out suites pass. Every
 * seedable defect of every module under src/ (see bench/bugs/lib/seeds.ts) is applied in turn; seeds
 * that do not type-check under the repository's tsconfig or do not lint clean are skipped, and the
 * rest run the visible suite. A seed is kept when the suite catches it (≥1 failing test) without
 * failing wholesale (≥1 passing test); each kept seed becomes a bug dir whose bug.json has the
 * seeded text as `buggy` and the original text as `fixed`.
 */
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import type { BugSpec } from '../bench/bugs/lib/corpus.js';
import { corpusDir, listBugDirs, repoRoot } from '../bench/bugs/lib/corpus.js';
import { runSuite, scratchCopy } from '../bench/bugs/lib/run-suite.js';
import type { Seed } from '../bench/bugs/lib/seeds.js';
import { applySeed, enumerateSeeds, seedSnippet } from '../bench/bugs/lib/seeds.js';

type Verdict = 'kept' | 'type-error' | 'lint-error' | 'duplicate' | 'no-snippet' | 'survived' | 'all-fail' | 'hang' | 'error';

interface Candidate {
  module: string;
  seed: Seed;
  verdict: Verdict;
  detail: string;
}

/** Semantic diagnostics of one file whose text changes, under the repository's compiler options. */
function createTypeChecker(files: ReadonlyMap<string, string>): (file: string, text: string) => string[] {
  const config = ts.readConfigFile(join(repoRoot, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot).options;
  const texts = new Map(files);
  const versions = new Map<string, number>();
  const service = ts.createLanguageService({
    getScriptFileNames: () => [...texts.keys()],
    getScriptVersion: (f) => String(versions.get(f) ?? 0),
    getScriptSnapshot: (f) => {
      const text = texts.get(f) ?? ts.sys.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => repoRoot,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => texts.has(f) || ts.sys.fileExists(f),
    readFile: (f) => texts.get(f) ?? ts.sys.readFile(f),
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    directoryExists: (d) => ts.sys.directoryExists(d),
    getDirectories: (d) => ts.sys.getDirectories(d),
  });
  return (file, text) => {
    texts.set(file, text);
    versions.set(file, (versions.get(file) ?? 0) + 1);
    return service.getSemanticDiagnostics(file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
  };
}

/** ESLint errors of a text as it would sit at `filePath`, with the repository's config. */
async function createLinter(): Promise<(filePath: string, text: string) => Promise<string[]>> {
  const { ESLint } = await import('eslint');
  const eslint = new ESLint({ cwd: repoRoot });
  return async (filePath, text) => {
    const [result] = await eslint.lintText(text, { filePath });
    return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
  };
}

async function sourceModules(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, 'src'), { recursive: true });
  return names
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
    .map((n) => join('src', n))
    .sort();
}

async function nextNumber(outDir: string): Promise<number> {
  const dirs = existsSync(outDir) ? await listBugDirs(outDir) : [];
  return dirs.reduce((max, d) => Math.max(max, Number.parseInt(basename(d), 10) || 0), 0) + 1;
}

async function writeBug(programDir: string, outDir: string, id: string, spec: BugSpec, mutated: string): Promise<void> {
  const dir = join(outDir, id);
  await cp(programDir, dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  await writeFile(join(dir, spec.module), mutated);
  const pkgPath = join(dir, 'package.json');
  const pkg = { name: `bug-${id.split('-')[0]}`, private: true, type: 'module', devDependencies: { vitest: '^4.1.0' } };
  await writeFile(pkgPath, `${JSON.stringify(pkg)}\n`);
  for (const [file, include] of [
    ['vitest.config.ts', 'test'],
    ['vitest.heldout.config.ts', 'heldout'],
  ] as const) {
    if (!existsSync(join(dir, file))) {
      await writeFile(
        join(dir, file),
        `import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({ test: { include: ['${include}/**/*.test.ts'] } });\n`,
      );
    }
  }
  await writeFile(join(dir, 'bug.json'), `${JSON.stringify(spec, null, 2)}\n`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      out: { type: 'string', default: relative(process.cwd(), corpusDir) || '.' },
      max: { type: 'string', default: '10' },
      'dry-run': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '20' },
    },
  });
  if (values.from === undefined) {
    console.error('usage: npx tsx scripts/seed-bugs.ts --from <program dir> [--out bench/bugs] [--max n] [--dry-run]');
    return 2;
  }
  const programDir = resolve(values.from);
  const outDir = resolve(values.out);
  const max = Number(values.max);
  const timeoutMs = Number(values.timeout) * 1000;
  const name = basename(programDir)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

  const copy = await scratchCopy(programDir, 'redgreen-seed-');
  try {
    for (const config of ['vitest.config.ts', 'vitest.heldout.config.ts']) {
      const baseline = await runSuite(copy.dir, config, timeoutMs);
      if (baseline.status !== 'complete' || baseline.failed > 0 || baseline.passed === 0 || baseline.fileErrors.length > 0) {
        console.error(`${config}: the program's suite must pass before seeding (${JSON.stringify(baseline)})`);
        return 1;
      }
    }
    const modules = await sourceModules(programDir);
    const originals = new Map<string, string>();
    for (const m of modules) originals.set(join(programDir, m), await readFile(join(programDir, m), 'utf8'));
    const typeErrors = createTypeChecker(originals);
    const lint = await createLinter();

    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    let number = await nextNumber(outDir);
    let kept = 0;
    for (const module of modules) {
      const path = join(programDir, module);
      const original = originals.get(path)!;
      for (const seed of enumerateSeeds(original, module)) {
        if (kept >= max) break;
        const mutated = applySeed(original, seed);
        const candidate: Candidate = { module, seed, verdict: 'error', detail: '' };
        candidates.push(candidate);
        const snippet = seedSnippet(original, seed);
        const typeProblems = typeErrors(path, mutated);
        const lintProblems = typeProblems.length === 0 ? await lint(path, mutated) : [];
        if (seen.has(mutated)) {
          candidate.verdict = 'duplicate';
        } else if (snippet === undefined) {
          candidate.verdict = 'no-snippet';
        } else if (typeProblems.length > 0) {
          [candidate.verdict, candidate.detail] = ['type-error', typeProblems[0]!];
        } else if (lintProblems.length > 0) {
          [candidate.verdict, candidate.detail] = ['lint-error', lintProblems[0]!];
        } else {
          await writeFile(join(copy.dir, module), mutated);
          const result = await runSuite(copy.dir, 'vitest.config.ts', timeoutMs);
          await writeFile(join(copy.dir, module), original);
          if (result.status === 'timeout') candidate.verdict = 'hang';
          else if (result.status === 'error') [candidate.verdict, candidate.detail] = ['error', result.message];
          else {
            candidate.detail = `${result.failed}F/${result.passed}P`;
            candidate.verdict = result.failed === 0 ? 'survived' : result.passed === 0 ? 'all-fail' : 'kept';
          }
        }
        seen.add(mutated);
        if (candidate.verdict !== 'kept' || snippet === undefined) continue;
        kept++;
        const id = `${String(number++).padStart(2, '0')}-${name}-${seed.kind}-l${seed.line}`;
        const spec: BugSpec = {
          id,
          module,
          defect: seed.defect,
          description: `Seeded ${seed.kind}: ${seed.summary} on line ${seed.line}.`,
          buggy: snippet.buggy,
          fixed: snippet.fixed,
        };
        candidate.detail += values['dry-run'] ? '' : ` → ${relative(process.cwd(), join(outDir, id))}`;
        if (!values['dry-run']) {
          await mkdir(outDir, { recursive: true });
          await writeBug(programDir, outDir, id, spec, mutated);
        }
      }
    }
    for (const c of candidates) {
      console.log(
        `${c.verdict.padEnd(10)} ${c.module}:${String(c.seed.line).padEnd(4)} ${c.seed.kind.padEnd(16)} ${c.seed.summary}${c.detail === '' ? '' : `  (${c.detail})`}`,
      );
    }
    console.log(`\n${kept} of ${candidates.length} seeds kept${values['dry-run'] ? ' (dry run: nothing written)' : ''}`);
    return 0;
  } finally {
    await copy.dispose();
  }
}

process.exitCode = await main();
