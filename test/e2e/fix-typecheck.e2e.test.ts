import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { searchReplace, writeReplies } from '../helpers/replies-file.js';
import { runCli } from '../helpers/run-cli.js';
import type { CliRun } from '../helpers/run-cli.js';

/** Type-check feedback: a proposal that introduces type errors is refused before its tests run (`strict`, the default with a tsconfig.json). */

interface JsonResult {
  readonly status: string;
  readonly steps: readonly {
    readonly step: number;
    readonly retry: number;
    readonly outcome: string;
    readonly feedback: readonly string[];
    readonly score: { readonly passed: number; readonly total: number };
    readonly typecheck?: {
      readonly mode: string;
      readonly testsRan: boolean;
      readonly introduced: readonly {
        readonly file: string;
        readonly line: number;
        readonly column: number;
        readonly code: number;
        readonly message: string;
      }[];
    };
  }[];
}

const bug = '  if (value < max) {\n    return max;\n  }';
/** Keeps the bug and returns a string from a function typed to return a number. */
const typeError = searchReplace('src/math.ts', bug, '  if (value < max) {\n    return String(max);\n  }', 'Return the bound.');
const rightFix = searchReplace('src/math.ts', bug, '  if (value > max) {\n    return max;\n  }');

let project: FixtureProject | undefined;

afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function runFix(extra: readonly string[] = []): Promise<{ run: CliRun; result: JsonResult }> {
  project = await copyFixture('vitest-basic');
  const replies = await writeReplies([typeError, rightFix]);
  const run = await runCli(['fix', project.dir, '--model', `scripted:${replies}`, '--json', '--yes', ...extra]);
  return { run, result: JSON.parse(run.stdout) as JsonResult };
}

describe('type-check feedback', () => {
  it('refuses a proposal that introduces a type error before its tests run, feeds the error back and goes green with the next', async () => {
    const { run, result } = await runFix(['--verbose']);
    expect(result.status, run.stderr).toBe('green');
    // the compiled worker of dist/ took the baseline
    expect(run.stderr).toMatch(/typecheck baseline \d+ms in a worker \(tsconfig\.json, 0 errors before any edit\)/);
    const [refused, fixed] = result.steps;
    expect(refused?.outcome).toBe('refused');
    expect(refused?.typecheck).toEqual({
      mode: 'strict',
      testsRan: false,
      introduced: [{ file: 'src/math.ts', line: 17, column: 5, code: 2322, message: "Type 'string' is not assignable to type 'number'." }],
    });
    expect(refused?.feedback).toEqual([
      'refused: the edit introduces 1 type error; its tests did not run:',
      [
        "src/math.ts:17:5 - error TS2322: Type 'string' is not assignable to type 'number'.",
        '  15 |   }',
        '  16 |   if (value < max) {',
        '> 17 |     return String(max);',
        '     |     ^^^^^^',
        '  18 |   }',
        '  19 |   return value;',
      ].join('\n'),
    ]);
    expect(fixed).toMatchObject({ step: 1, retry: 1, outcome: 'green' });
    expect(fixed?.typecheck).toBeUndefined();
    expect(run.stderr).toContain('type errors: 1 (not run)');
    expect(run.stderr).toContain("src/math.ts:17:5 TS2322 Type 'string' is not assignable to type 'number'.");
  });

  it('with --typecheck off, test-runs the proposal with the type error', async () => {
    const { run, result } = await runFix(['--typecheck', 'off']);
    expect(result.status, run.stderr).toBe('green');
    expect(result.steps.map((s) => s.outcome)).toEqual(['no-improvement', 'green']);
    expect(result.steps[0]?.typecheck).toBeUndefined();
    expect(result.steps[0]?.score.total).toBeGreaterThan(0);
    expect(run.stderr).not.toContain('type errors');
  });

  it('with --typecheck warn, test-runs it and reports the error with its outcome', async () => {
    const { run, result } = await runFix(['--typecheck', 'warn']);
    expect(result.status, run.stderr).toBe('green');
    expect(result.steps.map((s) => s.outcome)).toEqual(['no-improvement', 'green']);
    expect(result.steps[0]?.typecheck).toMatchObject({ mode: 'warn', testsRan: true, introduced: [{ code: 2322, line: 17 }] });
    expect(result.steps[0]?.feedback).toContain('the edit introduces 1 type error:');
    expect(run.stderr).toContain('type errors: 1');
    expect(run.stderr).not.toContain('type errors: 1 (not run)');
  });
});
