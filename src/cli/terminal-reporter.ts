import pc from 'picocolors';
import type { RunReporter } from '../core/events.js';
import { describeFlaky } from '../loop/flaky-tests.js';
import type { Attempt, AttemptTypecheck } from '../core/attempts.js';
import type { BeamRound } from '../core/run-result.js';

export interface TerminalReporterOptions {
  /** Where progress goes; stderr keeps stdout free for `--json` and the diff. */
  readonly write: (text: string) => void;
  readonly color?: boolean;
  /** Injected by tests; milliseconds. */
  readonly now?: () => number;
}

const outcomeWords: Record<Attempt['outcome'], string> = {
  green: 'green',
  improved: 'improved, kept',
  'no-improvement': 'no better, reverted',
  regressed: 'regressed, reverted',
  refused: 'refused',
  malformed: 'unreadable reply',
  error: 'denoiser failed',
};

/** `type errors: 2 (not run)` under `strict`, `type errors: 2` when the tests ran anyway. */
function typeErrorsWords(typecheck: AttemptTypecheck): string {
  return `type errors: ${typecheck.introduced.length}${typecheck.testsRan ? '' : ' (not run)'}`;
}

/** `[chain 2] ` before a chain's lines when the run has several chains; nothing otherwise. */
function chainLabel(chain: number | undefined): string {
  return chain === undefined ? '' : `[chain ${chain}] `;
}

/** `beam: kept chain 1 (reward 5.2), chain 3 (4.8); chain 2 ← chain 1` */
export function describeBeam(round: BeamRound): string {
  const kept = round.kept.map((k, i) => `chain ${k.chain} (${i === 0 ? 'reward ' : ''}${k.reward})`).join(', ');
  const moves = round.moves.map((m) => `chain ${m.chain} ← chain ${m.from}`).join(', ');
  return `beam: kept ${kept}${moves === '' ? '' : `; ${moves}`}`;
}

/** Live progress: a header, the baseline, then one line per step. */
export function createTerminalReporter(options: TerminalReporterOptions): RunReporter {
  const c = pc.createColors(options.color ?? false);
  const line = (text: string) => options.write(`${text}\n`);
  const now = options.now ?? Date.now;
  let lastProgress = 0;
  let flaky = 0;
  return {
    onFlaky({ tests }) {
      flaky += tests.length;
      line(c.yellow(`flaky     ${describeFlaky(tests)}`));
    },
    onProgress({ message }) {
      // At most one progress line a second: enough to see a long search move, few enough for a log file.
      if (now() - lastProgress < 1000 && !/^(localizing|no plausible|\d+ candidates validated)/.test(message)) return;
      lastProgress = now();
      line(c.dim(`   …  ${message}`));
    },
    onRunStart(event) {
      line(c.bold(`redgreen run ${event.runId}`) + c.dim(`  runner ${event.runner} · denoiser ${event.denoiser} · up to ${event.maxSteps} steps`));
      line(c.dim(`sandbox ${event.sandboxDir}`));
      const isolation = event.isolation;
      if (isolation?.fallbackReason !== undefined) {
        line(
          c.yellow(
            `isolation basic: strict is unavailable (${isolation.fallbackReason}); tests run with a scrubbed environment and limits, but can read and write outside the sandbox`,
          ),
        );
      } else if (isolation?.mode === 'off') {
        line(c.yellow('isolation off: tests run with your environment and full access to your files'));
      }
    },
    onScaffold({ files, findings, notes }) {
      const created = files.filter((f) => f.created).length;
      const counts = [created > 0 ? `${created} created` : '', files.length > created ? `${files.length - created} completed` : ''].filter((s) => s !== '');
      if (files.length > 0) line(`scaffold  ${counts.join(', ')} for what the tests expect: ${files.map((f) => f.file).join(', ')}`);
      else if (findings.length > 0)
        line(`contracts ${findings.length} difference${findings.length === 1 ? '' : 's'} between what the tests expect and the code`);
      for (const finding of findings.slice(0, 5)) line(c.dim(`          ${finding}`));
      if (findings.length > 5) line(c.dim(`          … and ${findings.length - 5} more`));
      for (const note of notes) line(c.yellow(`          ${note}`));
    },
    onBaseline({ score }) {
      const state = score.failed > 0 ? c.red(`${score.failed} failing`) : flaky > 0 ? c.yellow('only flaky tests fail') : c.green('green');
      line(`baseline  ${score.passed}/${score.total} tests passing  ${state}`);
    },
    onStepStart({ noise, restarted, suggestedMode, chain }) {
      if (restarted === true && noise !== undefined)
        line(`${chainLabel(chain)}${c.yellow(`stalled   no better state for a while: noise raised to σ ${noise.toFixed(2)} (${suggestedMode})`)}`);
    },
    onBeam(round) {
      line(c.cyan(describeBeam(round)));
    },
    onAttempt(attempt) {
      const tests = `${attempt.score.passed}/${attempt.score.total} tests`;
      const mode = attempt.editKinds.length > 0 ? attempt.editKinds.join('+') : '-';
      const files = `${attempt.files.length} file${attempt.files.length === 1 ? '' : 's'}`;
      const seconds = `${(attempt.durationMs / 1000).toFixed(1)}s`;
      const word = outcomeWords[attempt.outcome];
      const colored = attempt.outcome === 'green' || attempt.outcome === 'improved' ? c.green(word) : c.yellow(word);
      const label = attempt.retry === 0 ? `step ${String(attempt.step).padStart(2)}` : `retry ${attempt.retry}`.padEnd(7);
      const typed = attempt.typecheck === undefined ? '' : `  ${c.yellow(typeErrorsWords(attempt.typecheck))}`;
      const sigma = attempt.noise === undefined ? '' : `σ ${attempt.noise.toFixed(2)}  `;
      const rewarded = attempt.reward === undefined ? '' : c.dim(`  reward ${attempt.reward}`);
      line(
        `${chainLabel(attempt.chain)}${label}  ${sigma}${tests.padEnd(11)}  ${mode.padEnd(7)}  ${files.padEnd(7)}  ${seconds.padStart(6)}  ${colored}${rewarded}${typed}`,
      );
      if (attempt.typecheck !== undefined) {
        for (const d of attempt.typecheck.introduced.slice(0, 3))
          line(c.dim(`          ${d.file}:${d.line}:${d.column} TS${d.code} ${d.message.split('\n')[0] ?? ''}`));
      } else if ((attempt.outcome === 'green' || attempt.outcome === 'improved') && attempt.reasoning !== '') {
        line(c.dim(`          ${attempt.reasoning.split('\n')[0] ?? ''}`));
      } else if (attempt.outcome !== 'green' && attempt.outcome !== 'improved') {
        for (const feedback of attempt.feedback.slice(0, 3)) line(c.dim(`          ${feedback.split('\n')[0] ?? ''}`));
      }
    },
  };
}
