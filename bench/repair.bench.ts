/**
 * `npm run bench:repair`: the built-in engine over the bug corpus in bench/bugs/.
 *
 * Each bug runs through the real `fix()` (built-in engine, 60 s budget, 15 s per test run) on a copy without
 * its held-out tests. Plausible: the visible suite is green. Correct: the patch also passes the held-out
 * suite, which the engine never saw. Prints per bug and in total: plausible, correct, seconds per bug
 * (median, max) and candidates validated per second.
 *
 *   npm run bench:repair -- [--only <id>]... [--budget <seconds>]
 */
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeError } from '../src/core/errors.js';
import { fix } from '../src/fix.js';
import type { RunResult } from '../src/core/run-result.js';
import { corpusDir, listBugDirs, loadBugSpec, repoRoot } from './bugs/lib/corpus.js';
import type { BugSpec } from './bugs/lib/corpus.js';
import { runSuite } from './bugs/lib/run-suite.js';
import { median } from './support/generated-project.js';

interface Row {
  readonly bug: BugSpec;
  readonly status: RunResult['status'] | 'crashed';
  readonly correct: boolean;
  readonly seconds: number;
  readonly tried: number;
  readonly searchMs: number;
  readonly note: string;
}

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true }, budget: { type: 'string', default: '60' } } });
const budgetSeconds = Number(values.budget);

async function copyWithout(source: string, excluded: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'redgreen-bench-repair-'));
  await cp(source, dir, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.startsWith(join(source, excluded)) });
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

async function repairOne(dir: string, bug: BugSpec): Promise<Row> {
  const work = await copyWithout(dir, 'heldout');
  let tried = 0;
  let searchMs = 0;
  const started = performance.now();
  try {
    const session = await fix({
      projectDir: work,
      budgetSeconds,
      // One corpus bug hangs by design; a whole-suite limit of 15 s (not the CLI's default 60) keeps its baseline inside the budget.
      testTimeoutMs: 15_000,
      reporters: [
        {
          onProgress: ({ data }) => {
            if (data?.done === 1) {
              tried += data.tried ?? 0;
              searchMs += data.elapsedMs ?? 0;
            }
          },
        },
      ],
    });
    const seconds = (performance.now() - started) / 1000;
    await session.dispose();
    const { result } = session;
    const correct = result.status === 'green' && (await passesHeldOut(dir, result));
    const kept = result.attempts.filter((a) => a.outcome === 'improved' || a.outcome === 'green');
    return { bug, status: result.status, correct, seconds, tried, searchMs, note: kept.map((a) => a.reasoning.split(' (')[0]).join('; ') };
  } catch (error) {
    return { bug, status: 'crashed', correct: false, seconds: (performance.now() - started) / 1000, tried, searchMs, note: describeError(error).slice(0, 120) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The patch applied to a fresh copy that has the held-out tests: does the held-out suite pass? */
async function passesHeldOut(dir: string, result: RunResult): Promise<boolean> {
  const check = await copyWithout(dir, '\0none');
  try {
    for (const change of result.changes) if (change.after !== undefined) await writeFile(join(check, change.file), change.after);
    const suite = await runSuite(check, 'vitest.heldout.config.ts', 60_000);
    return suite.status === 'complete' && suite.failed === 0 && suite.fileErrors.length === 0 && suite.passed > 0;
  } finally {
    await rm(check, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const dirs = (await listBugDirs(corpusDir)).filter((d) => values.only === undefined || values.only.some((id) => d.endsWith(id)));
  console.log(`built-in engine over ${dirs.length} bugs (budget ${budgetSeconds} s each)\n`);
  for (const dir of dirs) {
    const loaded = await loadBugSpec(dir);
    if (loaded.status !== 'ok') throw new Error(`${dir}: ${loaded.message}`);
    const row = await repairOne(dir, loaded.spec);
    rows.push(row);
    const verdict = row.correct ? 'correct' : row.status === 'green' ? 'plausible' : row.status;
    console.log(
      `${row.bug.id.padEnd(28)} ${row.bug.defect.padEnd(22)} ${verdict.padEnd(10)} ${row.seconds.toFixed(1).padStart(6)}s ${String(row.tried).padStart(5)} cand  ${row.note}`,
    );
  }
  const n = rows.length;
  const plausible = rows.filter((r) => r.status === 'green').length;
  const correct = rows.filter((r) => r.correct).length;
  const seconds = rows.map((r) => r.seconds);
  const tried = rows.reduce((s, r) => s + r.tried, 0);
  const searchSeconds = rows.reduce((s, r) => s + r.searchMs, 0) / 1000;
  const pct = (k: number) => `${((100 * k) / Math.max(1, n)).toFixed(0)}%`;
  console.log('');
  console.log(`plausible (visible tests green):   ${plausible}/${n} (${pct(plausible)})`);
  console.log(`correct (held-out tests green):    ${correct}/${n} (${pct(correct)})`);
  console.log(`seconds per bug:                   median ${median(seconds).toFixed(1)}, max ${Math.max(...seconds).toFixed(1)}`);
  console.log(
    `candidates validated per second:   ${(tried / Math.max(searchSeconds, 0.001)).toFixed(1)} (${tried} candidates in ${searchSeconds.toFixed(1)} s of search)`,
  );
  console.log('\nper category (correct / plausible / bugs):');
  const categories = [...new Set(rows.map((r) => r.bug.defect))];
  for (const category of categories) {
    const inCategory = rows.filter((r) => r.bug.defect === category);
    console.log(
      `  ${category.padEnd(24)} ${inCategory.filter((r) => r.correct).length} / ${inCategory.filter((r) => r.status === 'green').length} / ${inCategory.length}`,
    );
  }
}

await main();
