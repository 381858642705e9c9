import { describe, expect, it } from 'vitest';
import { anAttempt } from '../../test/helpers/factories.js';
import { createTerminalReporter } from './terminal-reporter.js';

function lines(report: (reporter: ReturnType<typeof createTerminalReporter>) => void): string[] {
  let out = '';
  report(createTerminalReporter({ write: (text) => (out += text) }));
  return out.trimEnd().split('\n');
}

describe('the terminal reporter on scaffolding', () => {
  it('lists the files written, the findings (five at most) and the notes', () => {
    const findings = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `src/x.ts has no export \`${name}\``);
    const out = lines((r) =>
      r.onScaffold?.({
        files: [
          { file: 'src/x.ts', created: true },
          { file: 'src/y.ts', created: false },
        ],
        findings,
        notes: ['`left-pad` is not installed'],
      }),
    );
    expect(out[0]).toBe('scaffold  1 created, 1 completed for what the tests expect: src/x.ts, src/y.ts');
    expect(out.slice(1, 6).map((line) => line.trim())).toEqual(findings.slice(0, 5));
    expect(out[6]?.trim()).toBe('… and 1 more');
    expect(out[7]?.trim()).toBe('`left-pad` is not installed');
  });

  it('names the differences the stubs cannot settle when nothing was written', () => {
    const out = lines((r) => r.onScaffold?.({ files: [], findings: ['src/x.ts: `add` takes 1 argument, the tests pass 2'], notes: [] }));
    expect(out[0]).toBe('contracts 1 difference between what the tests expect and the code');
  });
});

describe('the terminal reporter under a noise schedule', () => {
  it("shows each step's noise level and reward on its line", () => {
    const out = lines((r) => r.onAttempt?.(anAttempt({ step: 2, outcome: 'improved', editKinds: ['patch'], files: ['src/a.ts'], noise: 0.8, reward: 2.98 })));
    expect(out[0]).toMatch(/^step {2}2 {2}σ 0\.80 {2}1\/2 tests .* improved, kept {2}reward 2\.98$/);
  });

  it('shows the reward alone without a schedule, and no stall line', () => {
    const out = lines((r) => {
      r.onStepStart?.({ step: 1, maxSteps: 3, suggestedMode: 'update' });
      r.onAttempt?.(anAttempt({ outcome: 'no-improvement', reward: 1 }));
    });
    expect(out[0]).not.toContain('σ');
    expect(out[0]).toMatch(/no better, reverted {2}reward 1$/);
  });

  it('says when a stall raised the noise', () => {
    const out = lines((r) => r.onStepStart?.({ step: 3, maxSteps: 5, suggestedMode: 'rewrite', noise: 1, restarted: true }));
    expect(out).toEqual(['stalled   no better state for a while: noise raised to σ 1.00 (rewrite)']);
  });
});

describe('the terminal reporter with a beam', () => {
  it('names the kept states, best first, and which chain restarts from which', () => {
    const round = {
      step: 2,
      kept: [
        { chain: 1, reward: 5.2 },
        { chain: 3, reward: 4.8 },
      ],
      moves: [{ chain: 2, from: 1 }],
    };
    expect(lines((r) => r.onBeam?.(round))).toEqual(['beam: kept chain 1 (reward 5.2), chain 3 (4.8); chain 2 ← chain 1']);
    expect(lines((r) => r.onBeam?.({ step: 1, kept: [{ chain: 2, reward: 1 }], moves: [] }))).toEqual(['beam: kept chain 2 (reward 1)']);
  });
});
