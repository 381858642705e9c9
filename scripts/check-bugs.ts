/**
 * Checks the bug corpus under bench/bugs/ dynamically: for every bug, in a temp copy, the visible
 * suite must catch the buggy program (≥1 failing and ≥1 passing test, or a hang for bugs marked
 * `hangs`), and the known fix must pass both the visible and the held-out suites. The held-out suite
 * is also run on the buggy program, for information only.
 *
 *   npx tsx scripts/check-bugs.ts [--only <id>]... [--timeout <s>] [--root <corpus dir>]
 *   npx tsx scripts/check-bugs.ts --readme      # regenerate the bug table in bench/bugs/README.md
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BugSpec } from '../bench/bugs/lib/corpus.js';
import { DEFECT_CATEGORIES, corpusDir, listBugDirs, loadBugSpec, replaceOnce } from '../bench/bugs/lib/corpus.js';
import type { SuiteResult } from '../bench/bugs/lib/run-suite.js';
import { runSuite, scratchCopy } from '../bench/bugs/lib/run-suite.js';

interface BugReport {
  id: string;
  defect: string;
  buggy: string;
  fixed: string;
  heldout: string;
  /** The held-out suite on the buggy program: informational (how much it would catch by itself). */
  heldoutOnBuggy: string;
  seconds: number;
  problems: string[];
}

const HANG_TIMEOUT_MS = 8_000;

function describe(result: SuiteResult): string {
  if (result.status === 'timeout') return 'timeout';
  if (result.status === 'error') return 'error';
  return `${result.failed}F/${result.passed}P${result.fileErrors.length > 0 ? '!' : ''}`;
}

/** Problems with a run that must be fully green. */
function greenProblems(label: string, result: SuiteResult): string[] {
  if (result.status === 'timeout') return [`${label}: timed out`];
  if (result.status === 'error') return [`${label}: ${result.message}`];
  const problems = result.fileErrors.map((e) => `${label}: ${e}`);
  if (result.failed > 0) problems.push(`${label}: ${result.failed} failing test(s)`);
  if (result.passed === 0) problems.push(`${label}: no tests ran`);
  return problems;
}

/** Problems with the buggy run: the visible suite must notice the bug without failing wholesale. */
function redProblems(spec: BugSpec, result: SuiteResult): string[] {
  if (spec.hangs === true) {
    return result.status === 'timeout' ? [] : ['buggy: marked `hangs` but the run ended'];
  }
  if (result.status === 'timeout') return ['buggy: timed out (mark the bug `hangs` if that is intended)'];
  if (result.status === 'error') return [`buggy: ${result.message}`];
  const problems = result.fileErrors.map((e) => `buggy: ${e}`);
  if (result.failed === 0) problems.push('buggy: no visible test fails');
  if (result.passed === 0) problems.push('buggy: no visible test passes');
  return problems;
}

async function checkBug(dir: string, timeoutMs: number): Promise<BugReport> {
  const started = Date.now();
  const report: BugReport = { id: basename(dir), defect: '?', buggy: '-', fixed: '-', heldout: '-', heldoutOnBuggy: '-', seconds: 0, problems: [] };
  const loaded = await loadBugSpec(dir);
  if (loaded.status === 'invalid') {
    report.problems.push(loaded.message);
    return report;
  }
  const spec = loaded.spec;
  report.defect = spec.defect;
  if (spec.id !== basename(dir)) report.problems.push(`id ${spec.id} differs from the directory name`);
  const copy = await scratchCopy(dir);
  try {
    const modulePath = join(copy.dir, spec.module);
    const fixedSource = replaceOnce(await readFile(modulePath, 'utf8'), spec.buggy, spec.fixed);
    if (fixedSource.status !== 'applied') {
      report.problems.push(`buggy text: ${fixedSource.status}`);
      return report;
    }
    const red = await runSuite(copy.dir, 'vitest.config.ts', spec.hangs === true ? HANG_TIMEOUT_MS : timeoutMs);
    report.buggy = describe(red);
    report.problems.push(...redProblems(spec, red));
    const heldoutRed = await runSuite(copy.dir, 'vitest.heldout.config.ts', spec.hangs === true ? HANG_TIMEOUT_MS : timeoutMs);
    report.heldoutOnBuggy = describe(heldoutRed);

    await writeFile(modulePath, fixedSource.source);
    const green = await runSuite(copy.dir, 'vitest.config.ts', timeoutMs);
    report.fixed = describe(green);
    report.problems.push(...greenProblems('fixed', green));
    const heldout = await runSuite(copy.dir, 'vitest.heldout.config.ts', timeoutMs);
    report.heldout = describe(heldout);
    report.problems.push(...greenProblems('held-out', heldout));
  } finally {
    await copy.dispose();
    report.seconds = (Date.now() - started) / 1000;
  }
  return report;
}

function printTable(reports: readonly BugReport[]): void {
  const header = ['bug', 'defect', 'buggy', 'held-out on buggy', 'fixed', 'held-out', 's', 'verdict'];
  const rows = reports.map((r) => [
    r.id,
    r.defect,
    r.buggy,
    r.heldoutOnBuggy,
    r.fixed,
    r.heldout,
    r.seconds.toFixed(1),
    r.problems.length === 0 ? 'ok' : 'PROBLEM',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const r of reports) for (const p of r.problems) console.log(`  ${r.id}: ${p}`);
}

const README_START = '<!-- bug-table:start -->';
const README_END = '<!-- bug-table:end -->';

/** Rewrites the generated bug table (and category counts) between the markers of bench/bugs/README.md. */
async function writeReadmeTable(dirs: readonly string[]): Promise<void> {
  const specs: BugSpec[] = [];
  for (const dir of dirs) {
    const loaded = await loadBugSpec(dir);
    if (loaded.status === 'ok') specs.push(loaded.spec);
    else throw new Error(`${basename(dir)}: ${loaded.message}`);
  }
  const counts = DEFECT_CATEGORIES.map((c) => `${c} ${specs.filter((s) => s.defect === c).length}`).join(', ');
  const table = [
    `${specs.length} bugs: ${counts}.`,
    '',
    '| id | defect | what is wrong |',
    '| --- | --- | --- |',
    ...specs.map((s) => `| \`${s.id}\` | ${s.defect}${s.hangs === true ? ' (hangs)' : ''} | ${s.description.replace(/\|/g, '\\|')} |`),
  ].join('\n');
  const path = join(corpusDir, 'README.md');
  const readme = await readFile(path, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start === -1 || end < start) throw new Error(`README.md lacks the ${README_START} … ${README_END} markers`);
  await writeFile(path, `${readme.slice(0, start + README_START.length)}\n${table}\n${readme.slice(end)}`);
  console.log(`wrote the table of ${specs.length} bugs to ${path}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      timeout: { type: 'string', default: '60' },
      readme: { type: 'boolean', default: false },
      root: { type: 'string' },
    },
  });
  let dirs = await listBugDirs(values.root === undefined ? corpusDir : resolve(values.root));
  if (values.readme) {
    await writeReadmeTable(dirs);
    return 0;
  }
  if (values.only !== undefined) {
    const wanted = new Set(values.only);
    dirs = dirs.filter((d) => wanted.has(basename(d)));
    if (dirs.length === 0) {
      console.error(`no bug matches --only ${values.only.join(', ')}`);
      return 2;
    }
  }
  const timeoutMs = Number(values.timeout) * 1000;
  const started = Date.now();
  const reports: BugReport[] = [];
  for (const dir of dirs) {
    const report = await checkBug(dir, timeoutMs);
    process.stderr.write(`${report.problems.length === 0 ? 'ok     ' : 'PROBLEM'} ${report.id} (${report.seconds.toFixed(1)} s)\n`);
    reports.push(report);
  }
  printTable(reports);
  const failing = reports.filter((r) => r.problems.length > 0).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\n${reports.length - failing}/${reports.length} bugs ok in ${seconds} s`);
  return failing === 0 ? 0 : 1;
}

process.exitCode = await main();
