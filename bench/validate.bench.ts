/**
 * `npm run bench:validate`: candidates validated per second by the warm session (mutant schemata, the
 * project's vitest kept warm, only covering tests, bail at the first failure) versus spawning the test
 * runner once per candidate, on the same generated project and the same candidates, in one run.
 *
 * BENCH_SPAWN (default 10) caps how many candidates the slow baseline validates; its rate is per candidate
 * either way, and the verdicts of the candidates both paths validated are compared.
 */
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { createValidationSession } from '../src/builtin/harness/validation-session.js';
import { createRunner } from '../src/runner/runner-registry.js';
import { createSpawnValidator } from '../src/builtin/harness/spawn-validator.js';
import type { Candidate, CandidateVerdict } from '../src/builtin/types.js';
import type { TestId } from '../src/core/test-report.js';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const spawnCount = Number(process.env.BENCH_SPAWN ?? 10);
const sourceFile = 'src/shop.ts';

const source = `/** Limits \`value\` to [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  if (value < min) return min;
  if (value < max) return max;
  return value;
}

export function discount(price: number, percent: number): number {
  return price - (price * percent) / 100;
}

export function isAdult(age: number): boolean {
  return age >= 18;
}

export function sumTo(n: number): number {
  let total = 0;
  for (let i = 1; i <= n; i++) total += i;
  return total;
}

export function grade(score: number): string {
  if (score >= 90) return 'A';
  if (score >= 75) return 'B';
  if (score >= 50) return 'C';
  return 'F';
}

export function between(x: number, lo: number, hi: number): boolean {
  return x >= lo && x <= hi;
}
`;

const tests: [string, string][] = [
  ['clamp > raises values below the range', 'expect(clamp(-5, 0, 10)).toBe(0);'],
  ['clamp > keeps values inside the range', 'expect(clamp(5, 0, 10)).toBe(5);'],
  ['clamp > lowers values above the range', 'expect(clamp(15, 0, 10)).toBe(10);'],
  ['discount > takes a percentage off', 'expect(discount(200, 25)).toBe(150);'],
  ['discount > keeps the price at 0 %', 'expect(discount(80, 0)).toBe(80);'],
  ['isAdult > is true at 18', 'expect(isAdult(18)).toBe(true);'],
  ['isAdult > is false at 17', 'expect(isAdult(17)).toBe(false);'],
  ['sumTo > adds 1 to n', 'expect(sumTo(4)).toBe(10);'],
  ['sumTo > is 0 for 0', 'expect(sumTo(0)).toBe(0);'],
  ['grade > grades an A', "expect(grade(95)).toBe('A');"],
  ['grade > grades a B at the boundary', "expect(grade(75)).toBe('B');"],
  ['grade > grades a C', "expect(grade(60)).toBe('C');"],
  ['grade > fails below 50', "expect(grade(49)).toBe('F');"],
  ['between > includes both ends', 'expect([between(1, 1, 3), between(3, 1, 3)]).toEqual([true, true]);'],
  ['between > excludes outside', 'expect([between(0, 1, 3), between(4, 1, 3)]).toEqual([false, false]);'],
];

async function generateProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'redgreen-bench-validate-'));
  await mkdir(join(dir, 'src'));
  await mkdir(join(dir, 'test'));
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bench-validate', type: 'module', scripts: { test: 'vitest run' }, devDependencies: { vitest: '^4' } }),
  );
  await writeFile(
    join(dir, 'vitest.config.ts'),
    "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['test/**/*.test.ts'] } });\n",
  );
  await writeFile(join(dir, sourceFile), source);
  const groups = new Map<string, string[]>();
  for (const [name, body] of tests) {
    const [group = '', title = ''] = name.split(' > ');
    groups.set(group, [...(groups.get(group) ?? []), `  it(${JSON.stringify(title)}, () => {\n    ${body}\n  });`]);
  }
  const blocks = [...groups].map(([group, its]) => `describe(${JSON.stringify(group)}, () => {\n${its.join('\n')}\n});`);
  await writeFile(
    join(dir, 'test', 'shop.test.ts'),
    `import { describe, expect, it } from 'vitest';\nimport { between, clamp, discount, grade, isAdult, sumTo } from '../src/shop.js';\n\n${blocks.join('\n\n')}\n`,
  );
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const operatorSwaps: Record<string, readonly string[]> = {
  '<': ['<=', '>', '>='],
  '<=': ['<', '>=', '!=='],
  '>': ['>=', '<', '<='],
  '>=': ['>', '<=', '<'],
  '+': ['-'],
  '-': ['+'],
  '*': ['/'],
  '/': ['*'],
  '&&': ['||'],
};

/** Simple operator replacements and ±1 on numeric literals: the same list for both paths. */
function makeCandidates(text: string): Candidate[] {
  const file = ts.createSourceFile(sourceFile, text, ts.ScriptTarget.Latest, true);
  const candidates: Candidate[] = [];
  const add = (start: number, end: number, replacement: string, operator: string): void => {
    const line = file.getLineAndCharacterOfPosition(start).line + 1;
    candidates.push({
      id: candidates.length + 1,
      changes: [{ file: sourceFile, start, end, text: replacement, node: 'expression' }],
      operator,
      description: `\`${text.slice(start, end)}\` → \`${replacement}\` at ${sourceFile}:${line}`,
      score: 1,
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.getText(file);
      for (const swap of operatorSwaps[op] ?? []) {
        const left = node.left.getText(file);
        const right = node.right.getText(file);
        add(node.getStart(file), node.end, `${left} ${swap} ${right}`, 'operator');
      }
    }
    if (ts.isNumericLiteral(node)) {
      const value = Number(node.text);
      add(node.getStart(file), node.end, String(value + 1), 'plus-one');
      add(node.getStart(file), node.end, String(value - 1), 'minus-one');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return candidates;
}

function rate(count: number, ms: number): string {
  return (count / (ms / 1000)).toFixed(1);
}

async function main(): Promise<void> {
  const dir = await generateProject();
  const candidates = makeCandidates(source);
  const allTests: TestId[] = tests.map(([name]) => ({ file: 'test/shop.test.ts', name }));
  try {
    const startedSession = performance.now();
    const session = await createValidationSession(createRunner('vitest'), { projectDir: dir, testTimeoutMs: 5_000, candidateTimeoutMs: 10_000 });
    let startMs = 0;
    const fast = new Map<number, CandidateVerdict>();
    let orderedTests: TestId[] = allTests;
    let fastMs = 0;
    try {
      // the baseline the engine has before validating: which tests fail, so they go first
      const baseline = await session.run({ active: 0, tests: allTests });
      // the first run starts the warm framework: paid once per session, shown apart
      startMs = performance.now() - startedSession;
      if (baseline.status === 'complete') {
        const failing = new Set(baseline.results.filter((r) => r.status === 'failed').map((r) => r.id.name));
        orderedTests = [...allTests.filter((t) => failing.has(t.name)), ...allTests.filter((t) => !failing.has(t.name))];
      }
      const started = performance.now();
      for await (const verdict of session.validate(candidates, () => orderedTests)) fast.set(verdict.candidate, verdict);
      fastMs = performance.now() - started;
    } finally {
      await session.dispose();
    }

    const subset = candidates.slice(0, Math.min(spawnCount, candidates.length));
    const spawner = await createSpawnValidator({ projectDir: dir, runner: createRunner('vitest'), candidateTimeoutMs: 30_000 });
    const slow = new Map<number, CandidateVerdict>();
    const startedSpawn = performance.now();
    try {
      for await (const verdict of spawner.validate(subset, () => orderedTests)) slow.set(verdict.candidate, verdict);
    } finally {
      await spawner.dispose();
    }
    const spawnMs = performance.now() - startedSpawn;

    const counts = new Map<string, number>();
    for (const verdict of fast.values()) counts.set(verdict.status, (counts.get(verdict.status) ?? 0) + 1);
    const fastRate = candidates.length / (fastMs / 1000);
    const spawnRate = subset.length / (spawnMs / 1000);
    console.log(`project: ${tests.length} tests, ${candidates.length} candidates (${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')})`);
    console.log(
      `fast path: ${rate(candidates.length, fastMs)} candidates/s (${candidates.length} candidates, ${(fastMs / 1000).toFixed(1)} s; session start and baseline run ${(startMs / 1000).toFixed(1)} s once, ${rate(candidates.length, fastMs + startMs)} candidates/s with it)`,
    );
    console.log(`spawn per candidate: ${rate(subset.length, spawnMs)} candidates/s (${subset.length} candidates, ${(spawnMs / 1000).toFixed(1)} s)`);
    const withStartRate = candidates.length / ((fastMs + startMs) / 1000);
    console.log(`speed-up: ${(fastRate / spawnRate).toFixed(1)}× (${(withStartRate / spawnRate).toFixed(1)}× counting the session start)`);
    const disagreements = subset.filter((candidate) => fast.get(candidate.id)?.status !== slow.get(candidate.id)?.status);
    console.log(`verdicts agree on ${subset.length - disagreements.length}/${subset.length} candidates validated both ways`);
    for (const candidate of disagreements) {
      console.log(
        `  disagreement on ${candidate.description}: fast ${JSON.stringify(fast.get(candidate.id))} vs spawn ${JSON.stringify(slow.get(candidate.id))}`,
      );
    }
    const plausible = [...fast.values()].filter((v) => v.status === 'plausible').map((v) => candidates.find((c) => c.id === v.candidate)?.description);
    console.log(`plausible: ${plausible.join('; ') || 'none'}`);
    if (disagreements.length > 0) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
