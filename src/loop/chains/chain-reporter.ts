import type { RunReporter } from '../../core/events.js';
import type { Attempt } from '../../core/attempts.js';

/**
 * What one chain tells the run's reporters: its attempts, tagged with the chain; its step starts and progress;
 * the baseline, scaffold and flaky tests only from chain 1 (every chain starts from the same code, so the others
 * would repeat it). Its own run start and end are not passed on: the chains' run has one of each.
 */
export function createChainReporter(chain: number, reporter: Required<RunReporter>, onAttempt: (attempt: Attempt) => Promise<void>): Required<RunReporter> {
  const first = chain === 1;
  const quiet = async () => {};
  return {
    onRunStart: quiet,
    onRunEnd: quiet,
    onScaffold: first ? reporter.onScaffold : quiet,
    onBaseline: first ? reporter.onBaseline : quiet,
    onFlaky: first ? reporter.onFlaky : quiet,
    onStepStart: (event) => reporter.onStepStart({ ...event, chain }),
    onProgress: reporter.onProgress,
    onBeam: reporter.onBeam,
    async onAttempt(attempt) {
      const tagged = { ...attempt, chain };
      await onAttempt(tagged);
      await reporter.onAttempt(tagged);
    },
  };
}
